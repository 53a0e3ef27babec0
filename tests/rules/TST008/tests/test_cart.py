"""Cart tests grown by copy and paste."""
import sys
import unittest

import pytest

from app.cart import Cart


class CartTests(unittest.TestCase):
    def test_add(self):
        cart = Cart()
        cart.add("apple")
        self.assertEqual(len(cart), 1)

    def test_remove(self):
        cart = Cart(["apple"])
        cart.remove("apple")
        self.assertEqual(len(cart), 0)

    def test_add(self):  # [TST008]
        cart = Cart()
        cart.add("apple")
        cart.add("apple")
        self.assertEqual(len(cart), 1)

    @unittest.skipIf(sys.platform == "win32", "posix only")
    def test_add(self):  # [TST008]
        self.assertTrue(Cart())

    if sys.version_info >= (3, 8):
        # negative: conditional definitions (one per Python version) are not compared
        def test_walrus(self):
            self.assertTrue(Cart())
    else:
        def test_walrus(self):
            self.assertTrue(Cart())

    def helper(self):
        return Cart()

    def helper(self):
        # negative: not a test function
        return Cart([])


class OtherCartTests(unittest.TestCase):
    def test_remove(self):
        # negative: the same name in another class
        self.assertTrue(Cart())

    class Nested(unittest.TestCase):
        def test_remove(self):
            # negative: a nested class is another class
            self.assertTrue(Cart())


def test_module_level():
    assert Cart() is not None


def test_module_level():  # [TST008]
    assert len(Cart()) == 0


@pytest.mark.parametrize("n", [1, 2])
def test_parametrized(n):
    assert n


@pytest.mark.parametrize("n", [3])
def test_parametrized(n):  # [TST008]
    assert n


def test_add(self=None):
    # negative: a module-level test and a method share a name, in different scopes
    assert Cart() is not None
