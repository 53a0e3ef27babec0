"""Test files are not checked (not in tests)."""
from serve import app


def test_dev_server_starts(monkeypatch):
    # negative: binding to every interface in a test
    monkeypatch.setattr(app, "run", lambda **kw: kw)
    assert app.run(host="0.0.0.0")["host"] == "0.0.0.0"
