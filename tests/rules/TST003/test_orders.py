from unittest import mock

import pytest
from playwright.sync_api import expect
from pytest import mark, raises

from shop.orders import Order, create_order, submit
from shop.testing import assert_totals_match, check_schema, run_migration, verify_signature


def _post_json(client, url, payload):
    resp = client.post(url, json=payload)
    assert resp.status_code in (200, 201), resp.text
    return resp.json()


def _create_order(client, sku):
    return _post_json(client, "/orders", {"sku": sku})


def make_order(sku="ABC"):
    return Order(sku=sku)


# negative: an assert statement
def test_make_order_defaults():
    order = make_order()
    assert order.sku == "ABC"


# positive: no assertion at all
def test_make_order_smoke():  # [TST003]
    make_order()


# positive: only calls a same-file helper that asserts nothing
def test_make_order_custom_sku():  # [TST003]
    make_order("XYZ")


# negative: a same-file helper that asserts
def test_post_order(client):
    _post_json(client, "/orders", {"sku": "A1"})


# negative: transitively, through two same-file helpers
def test_create_order_via_helper(client):
    _create_order(client, "A2")


# positive: an imported helper whose name has no assertion prefix
def test_migration_runs():  # [TST003]
    run_migration("0042")


# negative: pytest.raises
def test_rejects_empty_sku():
    with pytest.raises(ValueError):
        create_order(sku="")


# negative: raises imported from pytest
def test_rejects_negative_quantity():
    with raises(ValueError):
        create_order(sku="A1", quantity=-1)


# negative: pytest.warns
def test_legacy_field_warns():
    with pytest.warns(DeprecationWarning):
        create_order(sku="A1", legacy=True)


# negative: pytest.fail in a branch
def test_submit_in_time():
    if not submit(make_order(), timeout=1):
        pytest.fail("submit timed out")


# negative: a mock assertion
def test_submit_sends_email():
    with mock.patch("shop.orders.send_email") as send_email:
        submit(make_order())
    send_email.assert_called_once()


# negative: helpers named check*/verify*/assert*/expect*, wherever they are defined
def test_order_schema(client):
    check_schema(client.get("/orders/1").json(), "order")


def test_order_signature(order_payload):
    verify_signature(order_payload)


def test_order_totals(client):
    assert_totals_match(client.get("/orders").json())


def test_order_page(page):
    page.goto("/orders")
    expect(page).to_have_title("Orders")


# negative: a pytest skip marker
@pytest.mark.skip(reason="payment sandbox is down")
def test_payment_capture():
    submit(make_order(), capture=True)


# negative: skipif through `from pytest import mark`
@mark.skipif(True, reason="needs network")
def test_remote_inventory():
    submit(make_order(), remote=True)


# positive: a marker that is not a skip
@pytest.mark.slow
def test_bulk_submit():  # [TST003]
    for _ in range(100):
        submit(make_order())


# positive: an async test without assertions
async def test_async_submit(async_client):  # [TST003]
    await async_client.post("/orders", json={"sku": "A1"})


# negative: not a test function ("test" followed by a lower-case letter)
def testing_order():
    return make_order("TEST")
