"""End-to-end flows (a test file: it lives in a tests/ folder)."""
from shop.orders import create_order


# positive: a module-level test function of a test file classified by its folder
def test_checkout_flow():  # [TST003]
    create_order(sku="A1")


# negative: it asserts
def test_checkout_total():
    assert create_order(sku="A1").total > 0
