"""SEC017 runs in tests too."""
from django.utils.safestring import mark_safe


def test_badge(user):
    # positive: in a test file
    assert mark_safe(user.name)  # [SEC017]
