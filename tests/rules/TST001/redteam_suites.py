"""Embedded self-tests (not a test file)."""
import unittest as ut
from django import test as djtest
from myproject.testing import ApiTestBase, Meta, TestCaseBase, TestCaseMixin


class Plain:
    def check(self):
        # negative: a plain class of a non-test file
        self.assertTrue(1 == 1)


class WithMixin(TestCaseMixin):
    def test_x(self):
        # negative: TestCaseMixin does not end in TestCase or TestBase
        self.assertTrue(1 == 1)


class WithCaseBase(TestCaseBase):
    def test_x(self):
        # negative: TestCaseBase ends in CaseBase, not TestBase
        self.assertTrue(1 == 1)


class TestNotAClassHere:
    def test_y(self):
        # negative: a Test... name makes a test class only in a test file
        self.assertTrue(1 == 1)


class DjTests(djtest.TestCase):
    def test_x(self):
        # positive: django.test.TestCase through a module alias
        self.assertTrue(1 == 1)  # [TST001]


class AsyncTests(ut.IsolatedAsyncioTestCase, metaclass=Meta):
    async def test_x(self):
        # positive: IsolatedAsyncioTestCase, with a keyword in the base list
        self.assertTrue(1 < 2)  # [TST001]


class Derived(DjTests, object):
    def helper(self):
        # positive: any method of a subclass of a test class of this file
        self.assertFalse(1 != 1)  # [TST001]


class Grand(Derived):
    class Inner:
        def f(self):
            # positive: a class nested in a test class body is test code
            self.assertTrue(1 == 1)  # [TST001]


class Smoke(ApiTestBase):
    def test_types(self):
        # positive: a base ending in TestBase
        self.assertTrue(isinstance(1, int))  # [TST001]


def make_case():
    class LocalCase(ut.TestCase):
        def test_z(self):
            # positive: a test class defined in a function
            self.assertTrue(1 == 1)  # [TST001]

    return LocalCase


if True:
    class Conditional(ut.TestCase):
        def test_e(self):
            # positive: a test class defined under an `if`
            self.assertTrue(1 <= 2)  # [TST001]


def module_helper(tc):
    # negative: a module-level function of a non-test file
    tc.assertTrue(1 == 1)


class Computed(ut.TestCase if True else object):
    def test_w(self):
        # negative: a base that is not a name (a conditional expression)
        self.assertTrue(1 == 1)
