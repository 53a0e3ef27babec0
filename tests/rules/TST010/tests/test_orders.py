"""Order tests where a few assertions lost their keyword."""
import unittest

import pytest

from app.orders import Order, total_of


def test_total():
    order = Order(total=100)
    order.apply_discount(10)
    order.total == 90  # [TST010]


def test_status_chain():
    order = Order(total=5)
    0 < order.total <= 10  # [TST010]


def test_membership_and_identity():
    order = Order(total=1)
    "paid" not in order.flags  # [TST010]
    order.parent is None  # [TST010]
    (order.total != 0)  # [TST010]


def test_multiline():
    order = Order(total=3)
    order.total == Order(  # [TST010]
        total=3).total
    (order.items  # [TST010]
     == [])


def test_in_block():
    for total in (1, 2):
        if total:
            total_of([total]) == total  # [TST010]


def test_asserted():
    # negative: asserted comparisons, and comparisons used as values
    order = Order(total=2)
    assert order.total == 2
    ok = order.total == 2
    assert ok
    print(order.total == 2)
    result = [x == 2 for x in (order.total,)]
    assert result


def test_tuple_not_comparison():
    # negative: a tuple holding a comparison is not a comparison statement
    order = Order(total=2)
    order.total == 2, "message"
    assert order


def helper_compare(order):
    # negative: not a test function (a helper of a test file)
    order.total == 2


def test_nested_helper():
    # negative: the comparison is in a function nested in the test, not the test itself
    def check(order):
        order.total == 2
    check(Order(total=2))
    assert True


@pytest.fixture
def order():
    return Order(total=1)


class OrderTests(unittest.TestCase):
    def test_method(self):
        order = Order(total=4)
        order.total == 4  # [TST010]
        self.assertEqual(order.total, 4)

    def setUp(self):
        # negative: setUp is not a test function
        self.order = Order(total=0)
        self.order.total == 0


def test_expected_errors():
    # negative: comparisons evaluated for what they raise or warn
    order = Order(total=1)
    with pytest.raises(TypeError):
        order < "x"
    with pytest.warns(BytesWarning):
        b"" == ""
    try:
        order > None
    except TypeError:
        pass
    else:
        pytest.fail("no TypeError")


class Recorder:
    calls = []

    def __eq__(self, other):
        Recorder.calls.append(other)
        return True


def test_own_comparison_methods():
    # negative: the test exercises a comparison method of its own class
    Recorder() == 1
    recorder = Recorder()
    recorder == 2
    assert Recorder.calls == [1, 2]


def test_after_the_with():
    with pytest.raises(TypeError):
        Order(total=1) < "x"
    Order(total=1).total == 1  # [TST010]
