"""Test code is checked too (no test-code flag)."""
import random


def test_invite_accepts_token():
    # positive: a token from random in a test
    token = str(random.getrandbits(128))  # [SEC009]
    assert token
