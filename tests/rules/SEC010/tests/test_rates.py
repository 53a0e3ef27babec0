"""Test code is checked too (no test-code flag)."""
import requests


def test_ecb_is_up():
    # positive: in a test file
    assert requests.get("https://ecb.example/health").ok  # [SEC010]
