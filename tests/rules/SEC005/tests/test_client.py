"""Tests of the ledger client: test files are not checked (not in tests)."""
from client import LedgerClient


def test_login_posts_credentials(requests_mock):
    # negative: hard-coded credentials in a test file
    password = "test-password-123"
    client = LedgerClient("https://ledger.test", token="fake-token-abc")
    requests_mock.post("https://ledger.test/login", json={"ok": True})
    assert client.login("alice", password=password)
