import unittest
from unittest import mock, skip

from accounts.models import Account
from accounts.testing import ApiClientMixin


class AccountTestCase(unittest.TestCase):
    def setUp(self):
        self.account = Account(name="alice")

    def login(self):
        self.account.login("secret")

    def login_and_confirm(self):
        self.login()
        self.assertTrue(self.account.logged_in)


class AccountTests(AccountTestCase):
    # negative: self.assertEqual
    def test_name(self):
        self.assertEqual(self.account.name, "alice")

    # positive: no assertion
    def test_rename(self):  # [TST003]
        self.account.rename("bob")

    # positive: a camel-case test name; the same-file helper it calls does not assert
    def testLogin(self):  # [TST003]
        self.login()

    # negative: a helper of a base class of this file that asserts
    def test_login_confirmed(self):
        self.login_and_confirm()

    # negative: self.assertRaises as a context manager
    def test_bad_password(self):
        with self.assertRaises(ValueError):
            self.account.login("")

    # negative: self.fail in a handler
    def test_close(self):
        try:
            self.account.close()
        except RuntimeError:
            self.fail("close() raised")

    # negative: a mock assertion on an attribute chain
    def test_deactivate_notifies(self):
        with mock.patch.object(self.account, "mailer") as mailer:
            self.account.deactivate()
        mailer.send.assert_called_once_with("alice")

    # negative: unittest.skip imported by name
    @skip("flaky on CI")
    def test_export(self):
        self.account.export()

    # negative: unittest.skipIf
    @unittest.skipIf(True, "needs LDAP")
    def test_ldap_sync(self):
        self.account.sync()

    # positive: expectedFailure is not a skip decorator
    @unittest.expectedFailure
    def test_merge(self):  # [TST003]
        self.account.merge(Account(name="carol"))

    # negative: a helper with the _wait_for prefix, wherever it is defined
    def test_activation_email(self):
        self.account.activate()
        self._wait_for_outbox(1)

    # positive: a test named exactly "test"
    def test(self):  # [TST003]
        Account(name="dave")

    # positive: "test" followed by a digit
    def test2fa_setup(self):  # [TST003]
        self.account.enable_2fa()

    # negative: not a test name ("tests" is "test" followed by a lower-case letter)
    def tests_helper(self):
        return Account(name="erin")


class MixinTests(ApiClientMixin, AccountTestCase):
    # negative: an inherited helper named check_* (defined in another module)
    def test_api_status(self):
        self.check_status(self.api_get("/accounts"), 200)

    # positive: an inherited helper with no assertion prefix, not found in this file
    def test_api_list(self):  # [TST003]
        self.api_get("/accounts")


class TestAccountRepr:
    # positive: a Test... class of a test file is a test class
    def test_repr(self):  # [TST003]
        repr(Account(name="frank"))


class TestingConfig:
    # negative: "Testing..." is not a test class name, so this is not a test
    def test_mode(self):
        return True


@unittest.skip("billing is being migrated")
class BillingTests(unittest.TestCase):
    # negative: the class has a skip decorator (see NOTES.md)
    def test_invoice(self):
        Account(name="gina").invoice()
