"""Account tests written for Python 2.7 and never modernised."""
import unittest
from unittest import mock

from app.accounts import Account, parse_amount


class AccountTests(unittest.TestCase):
    def setUp(self):
        self.account = Account("alice", balance=100)

    def test_deposit(self):
        self.account.deposit(50)
        self.assertEquals(self.account.balance, 150)  # [TST002]
        self.assertNotEquals(self.account.balance, 100)  # [TST002]

    def test_flags(self):
        self.assert_(self.account.active)  # [TST002]
        self.failUnless(self.account.active)  # [TST002]
        self.failIf(self.account.frozen)  # [TST002]

    def test_equality_family(self):
        self.failUnlessEqual(self.account.owner, "alice")  # [TST002]
        self.failIfEqual(self.account.owner, "bob")  # [TST002]
        self.assertAlmostEquals(self.account.rate, 0.015, places=3)  # [TST002]
        self.failUnlessAlmostEqual(self.account.rate, 0.015)  # [TST002]
        self.failIfAlmostEqual(self.account.rate, 0.5)  # [TST002]
        self.assertNotAlmostEquals(self.account.rate, 0.5)  # [TST002]

    def test_patterns(self):
        self.assertRegexpMatches(self.account.iban, r"^DE\d+$")  # [TST002]
        self.assertNotRegexpMatches(self.account.iban, r"\s")  # [TST002]
        with self.assertRaisesRegexp(ValueError, "negative"):  # [TST002]
            self.account.withdraw(-1)
        self.failUnlessRaises(ValueError, parse_amount, "x")  # [TST002]

    def test_history(self):
        self.assertItemsEqual(  # [TST002]
            self.account.history(),
            ["open", "deposit"],
        )

    def test_modern_names(self):
        # negative: the modern names
        self.assertEqual(self.account.balance, 100)
        self.assertCountEqual(self.account.history(), ["open"])
        self.assertRaisesRegex(ValueError, "negative", self.account.withdraw, -1)
        self.assertTrue(self.account.active)

    def test_mock_assertions(self):
        # negative: mock's assert_called_* are not aliases
        notify = mock.Mock()
        self.account.close(notify=notify)
        notify.assert_called_once_with("alice")
        notify.assert_called()
        notify.assert_any_call("alice")

    def test_table_of_expectations(self):
        # negative: `assert_` as a named tuple's field, not the deprecated method
        import collections
        Case = collections.namedtuple("Case", ["value", "assert_"])
        for case in (Case(1, self.assertTrue), Case(0, self.assertFalse)):
            case.assert_(case.value)

    def test_reference_not_call(self):
        # negative: a reference is not a call
        check = self.assertEquals
        self.assertIs(check.__name__, "assertEquals")


def assertEquals(a, b):
    # negative: a plain function of the file is not unittest's alias
    assert a == b


def test_module_level():
    assertEquals(parse_amount("1"), 1)
