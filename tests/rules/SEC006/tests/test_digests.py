"""Test code is checked too (the rule has no test-code flag)."""
import hashlib


def test_fingerprint_is_stable():
    # positive: md5 in a test file
    assert hashlib.md5(b"x").hexdigest() == "9dd4e461268c8034f5c8564e155c67a6"  # [SEC006]
