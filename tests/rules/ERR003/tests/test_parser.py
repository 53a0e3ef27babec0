"""ERR003 runs in tests too."""
import pytest


def test_bad_port():
    try:
        int("x")
    except ValueError:
        # positive: a test helper raising without a cause is still flagged
        raise AssertionError("not a port")  # [ERR003]
