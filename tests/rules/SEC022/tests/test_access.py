"""Tests are checked too."""


def test_label():
    # positive: a control character in a test file ‮  # [SEC022]
    assert True
