from inventory import restock
from items import Item


# negative: functions in a test file are test code
def make_items(count):
    items = []
    for n in range(count):
        items.append(Item(f"SKU{n}", n))
    items.sort(key=lambda item: item.sku)
    assert items
    return items


def test_restock_many():
    items = make_items(3)
    for item in items:
        restock(item, 1, [])
    assert items[0].stock == 1
    assert items[1].stock == 2
    assert items[2].stock == 3


class TestItem:
    # negative: a method of a test class
    def test_adjust(self):
        item = Item("A")
        item.adjust(5, "delivery")
        item.adjust(-2, "sale")
        assert item.stock == 3
        assert len(item.history) == 2
