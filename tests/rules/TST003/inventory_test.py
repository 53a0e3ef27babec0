from shop.inventory import restock


# positive: a test file named *_test.py
def test_restock():  # [TST003]
    restock("A1", 5)


# negative: it asserts
def test_restock_returns_level():
    assert restock("A1", 5) >= 5
