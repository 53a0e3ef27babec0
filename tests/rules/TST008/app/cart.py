"""Application code: duplicate methods here are not tests."""
import unittest


class Cart(list):
    def add(self, item):
        self.append(item)

    def add(self, item):
        # negative: not a test function
        self.append(item)


def test_cart():
    # negative: a module-level test_* function of a non-test file is not a test
    return Cart()


def test_cart():
    return Cart([])


class CartSmokeTest(unittest.TestCase):
    def test_smoke(self):
        self.assertTrue(Cart([1]))

    def test_smoke(self):  # [TST008]
        # positive: a test class in a non-test file
        self.assertTrue(Cart([2]))
