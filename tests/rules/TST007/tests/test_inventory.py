"""Inventory tests with assertions that cannot fail."""
import unittest

from app.inventory import Inventory


def test_tuple_assert():
    inv = Inventory()
    assert (inv.count("apple") == 3, "three apples expected")  # [TST007]


def test_constants():
    assert True  # [TST007]
    assert 1  # [TST007]
    assert -2.5  # [TST007]
    assert "inventory loaded"  # [TST007]
    assert ("a", "b")  # [TST007]
    assert [Inventory()]  # [TST007]


def test_deliberate_failures():
    # negative: deliberate failures and real conditions
    inv = Inventory()
    if inv.broken:
        assert False, "unreachable"
    if not inv:
        assert 0, "empty"
    assert inv.count("apple") == 3
    assert inv
    assert 1 == 1  # a comparison, even of constants, is not a constant
    assert f"{inv}"  # an f-string with a field is not a constant


class InventoryTests(unittest.TestCase):
    def test_methods(self):
        inv = Inventory()
        self.assertTrue("restocked")  # [TST007]
        self.assertTrue(1)  # [TST007]
        self.assertFalse(None)  # [TST007]
        self.assertFalse(0)  # [TST007]
        self.assertFalse("")  # [TST007]
        self.assertFalse(())  # [TST007]
        self.assertTrue(expr=True)  # [TST007]
        self.assertTrue(inv.ready)

    def test_aliases(self):
        self.failUnless(True)  # [TST007]
        self.assert_(42)  # [TST007]
        self.failIf(False)  # [TST007]

    def test_deliberate(self):
        # negative: deliberate failures
        if Inventory().broken:
            self.assertTrue(False)
            self.assertFalse(True)
            self.failIf("always")
            self.assertFalse(1, "forced")
        self.assertTrue(1 == 1)
        self.assertFalse([])  # [TST007]
