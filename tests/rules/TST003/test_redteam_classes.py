import sys
import unittest
from unittest import TestCase, skipUnless

import pytest
from pytest import mark

from app import Service, run


class Base(TestCase):
    expected = 3

    def setUp(self):
        self.svc = Service()
        self.expected_state = "running"

    def check_ok(self):
        pass

    def assert_state(self, state):
        self.assertEqual(self.svc.state, state)

    def _verify_total(self, order):
        self.assertEqual(order.total, 3)


class MixinWithAssert:
    def confirm(self):
        self.assertTrue(self.svc.ready)


class ServiceTests(MixinWithAssert, Base):
    # negative: an assert*-named helper of a base class of this file
    def test_state(self):
        self.svc.start()
        self.assert_state("running")

    # negative: a helper of a mixin of this file that asserts
    def test_confirm(self):
        self.confirm()

    # negative: a check*-named helper (the name is enough)
    def test_check_prefix(self):
        self.check_ok()

    # negative: self.fail* forms
    def test_fail_if(self):
        self.failIf(self.svc.broken)

    # negative: assertRaises in its call form
    def test_raises_call(self):
        self.assertRaises(ValueError, self.svc.start, -1)

    # negative: an assertion inside subTest
    def test_subtest(self):
        for n in range(3):
            with self.subTest(n=n):
                self.assertIsNotNone(self.svc.get(n))

    # negative: skipUnless imported by name
    @skipUnless(False, "linux only")
    def test_linux(self):
        self.svc.start()

    # negative: an asserting method passed to addCleanup
    def test_method_passed(self):
        for order in self.svc.orders():
            self.addCleanup(self._verify_total, order)

    # negative: skipTest, unconditionally
    def test_skip_self(self):
        self.skipTest("later")

    # negative: raise SkipTest
    def test_raise_skip(self):
        raise unittest.SkipTest("later")

    # positive: a conditional skipTest
    def test_conditional_skip(self):  # [TST003]
        if not run():
            self.skipTest("no run")
        run(2)

    # positive: a helper of this file called through another instance, not self
    def test_other_instance(self):  # [TST003]
        helper = Base()
        helper.setUp()

    # positive: data attributes passed as arguments (set in setUp, or a class attribute)
    def test_attribute_passed(self):  # [TST003]
        self.svc.start(self.expected_state)
        self.svc.resize(self.expected)

    # positive: an async test method without an assertion
    async def test_async(self):  # [TST003]
        await self.svc.astart()

    # positive: a staticmethod test
    @staticmethod
    def test_static():  # [TST003]
        Service()


class ChildTests(ServiceTests):
    # negative: a helper two bases up
    def test_grand(self):
        self.assert_state("idle")

    # negative: super() reaches the asserting test of the base
    def test_state(self):
        super().test_state()

    def confirm(self):
        self.svc.ping()

    # positive: the helper overridden here asserts nothing
    def test_confirm_overridden(self):  # [TST003]
        self.confirm()


class Helper:
    # negative: a plain class of a test file is not a test class
    def test_connection(self):
        Service().ping()


class Tests:
    # negative: `Tests` is `Test` followed by a lowercase letter
    def test_q(self):
        Service()


class Test:
    # positive: a class named exactly `Test`
    def test_r(self):  # [TST003]
        Service()


class Test_api:
    # positive: `Test_`
    def test_s(self):  # [TST003]
        Service()


class Test2:
    # positive: `Test` followed by a digit
    def test_t(self):  # [TST003]
        Service()


class TestOuter:
    class TestInner:
        # positive: a nested Test class
        def test_u(self):  # [TST003]
            Service()


class TestBaseSuite:
    def helper(self):
        assert run()


class SuiteA(TestBaseSuite):
    # positive: a class whose base is a test class of this file
    def test_a(self):  # [TST003]
        run()

    # negative: the base's helper asserts
    def test_b(self):
        self.helper()


@pytest.mark.skip(reason="x")
class TestSkippedClass:
    # negative: a skip marker on the class
    def test_c(self):
        run()


@mark.skipif(sys.platform == "win32", reason="posix")
class TestPosix:
    # negative: skipif through `from pytest import mark`, on the class
    def test_d(self):
        run()


class TestWithPytestmark:
    pytestmark = pytest.mark.skip(reason="x")

    # negative: a class-level pytestmark skip
    def test_e(self):
        run()


if sys.version_info >= (3, 8):
    # positive: a module-level test under an `if`
    def test_f():  # [TST003]
        run()


def make_suite():
    class TestLocal:
        # positive: a Test class defined in a function of a test file
        def test_g(self):  # [TST003]
            run()

    return TestLocal


class TestParam:
    # positive: parametrize is not a skip
    @pytest.mark.parametrize("n", [1, 2])
    def test_h(self, n):  # [TST003]
        run(n)

    # positive: a multi-line header under a decorator: the finding is at the name
    @pytest.mark.usefixtures("db")
    async def test_j(  # [TST003]
        self,
        client,
    ):
        await client.get("/")
