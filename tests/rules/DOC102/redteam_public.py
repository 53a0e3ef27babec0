"""Which functions are public."""
import sys
import unittest


# positive: a function defined under a module-level `if` is defined at module level
if sys.version_info >= (3, 8):
    def compat(a):  # [DOC102]
        a += 1
        a += 2
        a += 3
        a += 4
        return a
else:
    # positive: the other branch too
    def compat(a):  # [DOC102]
        a += 1
        a += 2
        a += 3
        a += 4
        return a


# positive: a fallback defined in an `except ImportError` handler
try:
    from fastlib import fast
except ImportError:
    def fast(a):  # [DOC102]
        a += 1
        a += 2
        a += 3
        a += 4
        return a


class Config:
    """Config."""

    # positive: a classmethod
    @classmethod
    def from_env(cls, a):  # [DOC102]
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    # negative: a dunder other than __init__
    def __call__(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    # negative: a name-mangled method starts with `_`
    def __secret(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    # negative: with a docstring
    def ok(self, a):
        """Docstring."""
        a += 1
        a += 2
        a += 3
        a += 4
        return a


class _Private:
    class Public:
        # negative: a public class nested in a private class
        def method(self, a):
            a += 1
            a += 2
            a += 3
            a += 4
            return a


class Outer:
    """Outer."""

    class _Inner:
        # negative: a private class nested in a public class
        def method(self, a):
            a += 1
            a += 2
            a += 3
            a += 4
            return a


class SelfCheck(unittest.TestCase):
    # negative: a test class in a non-test file is test code
    def build(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    class Nested:
        # negative: a class nested in a test class body is test code
        def build(self, a):
            a += 1
            a += 2
            a += 3
            a += 4
            return a


class TestHelper:
    # positive: a Test... class of a non-test file is not a test class
    def build(self, a):  # [DOC102]
        a += 1
        a += 2
        a += 3
        a += 4
        return a
