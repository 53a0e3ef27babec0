import numpy as np
import pytest as pt
from assertpy import assert_that
from nose.tools import eq_, ok_, raises
from pytest import fail
from pytest import raises as expect_raises
from unittest import mock

from app import CheckoutPage, ExpectedResult, Order, build, compute, make_client, run


# negative: an assert nested in for/with/try/if
def test_nested_assert(tmp_path):
    for i in range(3):
        with open(tmp_path / "f") as fh:
            try:
                if i:
                    assert fh.read()
            except OSError:
                pass


# negative: pytest imported as pt
def test_alias_raises():
    with pt.raises(ValueError):
        build(-1)


# negative: `from pytest import raises as expect_raises`
def test_renamed_raises():
    with expect_raises(KeyError):
        build(None)


# negative: `from pytest import fail`, in a branch
def test_from_import_fail():
    if not build(1):
        fail("not built")


# negative: pytest.warns in its call form
def test_warns_call():
    pt.warns(UserWarning, build, 2)


# negative: numpy.testing.assert_* (an assert* helper wherever it is defined)
def test_numpy():
    np.testing.assert_allclose(build(1), [1.0])


# negative: assertpy's assert_that chain
def test_assertpy():
    assert_that(build(1)).is_equal_to(1)


# negative: a mock assertion deep in an attribute chain
def test_mock_chain():
    with mock.patch("app.run") as m:
        build(1)
    m.return_value.method.assert_called_once_with(1)


# positive: pytest.approx alone asserts nothing
def test_approx_only():  # [TST003]
    pt.approx(build(1))


# positive: `wait_for_*` without the leading underscore is not a listed prefix
def test_wait():  # [TST003]
    client = make_client()
    client.wait_for_ready(5)


# negative: `_wait_for_*`
def test_underscore_wait():
    client = make_client()
    client._wait_for_ready(5)


# negative: a camel-case verify* helper
def test_camel_helper():
    make_client().verifyStatus(200)


# positive: a page-object class named Checkout... is not a check* helper
def test_checkout_page(browser):  # [TST003]
    page = CheckoutPage(browser)
    page.open()


# positive: a class named Expected... is not an expect* helper
def test_expected_result():  # [TST003]
    ExpectedResult(3)


# positive: a value named `expected` passed as an argument is data, not an assertion
def test_expected_passed():  # [TST003]
    expected = 30
    compute(expected)


# positive: a value named `checksum` passed as an argument
def test_checksum_passed(payload):  # [TST003]
    checksum = payload.digest()
    Order.load(payload, checksum)


# positive: a value named `expected_total` passed by keyword
def test_expected_keyword():  # [TST003]
    expected_total = 3
    compute(total=expected_total)


# negative: a helper defined later in the file that asserts
def test_uses_later_helper():
    _later_helper(build(1))


# positive: mutual recursion without an assertion (the search terminates)
def test_recursion():  # [TST003]
    ping(3)


def ping(n):
    if n:
        pong(n - 1)


def pong(n):
    if n:
        ping(n - 1)


def _later_helper(value):
    assert value is not None


# negative: a same-file asserting function passed to map() (it is called there)
def _row_ok(row):
    assert row


def test_rows_mapped():
    list(map(_row_ok, compute()))


# negative: a check_* function passed as an argument
def check_row(row):
    return row


def test_rows_checked():
    list(map(check_row, compute()))


# negative: a nose generator test yielding a check function
def test_generated():
    for n in range(3):
        yield check_row, n


# negative: raise AssertionError is an assertion
def test_raise_assertion():
    if compute() != 3:
        raise AssertionError("bad")


# negative: pytest.deprecated_call asserts a DeprecationWarning
def test_deprecated():
    with pt.deprecated_call():
        compute(legacy=True)


# negative: nose's eq_ / ok_
def test_nose_eq():
    eq_(compute(), 3)


def test_nose_ok():
    ok_(compute())


# negative: nose's @raises asserts the exception
@raises(ValueError)
def test_nose_raises():
    compute(-1)


# negative: an unconditional pytest.skip first thing
def test_skipped_inline():
    pt.skip("not implemented")
    compute()


# positive: a pytest.skip only under a condition
def test_conditional_skip():  # [TST003]
    if not make_client():
        pt.skip("no client")
    run()


# negative: a fixture named test_* is not a test
@pt.fixture
def test_user():
    return compute()


# positive: xfail is not a skip marker
@pt.mark.xfail(reason="bug 12")
def test_xfail():  # [TST003]
    run()


# negative: a skip marker without a call
@pt.mark.skip
def test_skip_bare():
    run()


# negative: a skip marker below another marker
@pt.mark.slow
@pt.mark.skipif(True, reason="x")
def test_skip_second():
    run()


# positive: a test holding only a docstring
def test_todo():  # [TST003]
    """Not written yet."""


# positive: only the outer function is a test; the nested one is never one
def test_outer():  # [TST003]
    def test_inner():
        run()

    test_inner()


# positive: returning a value is not asserting it
def test_returns_value(make_client):  # [TST003]
    return make_client()


# positive: `test` followed by an uppercase letter
def testRun():  # [TST003]
    run()


# positive: a non-ASCII test name
def test_größe():  # [TST003]
    run()
