"""Tests for InventoryService, against an in-memory database and a fake API."""

import unittest
from unittest import mock

from inventory import settings
from inventory.db import ItemStore
from inventory.service import InventoryService


class InventoryServiceTest(unittest.TestCase):
    """InventoryService with a real ItemStore in memory and a mocked cloud API."""

    def setUp(self):
        self.store = ItemStore(":memory:")
        self.store.create_schema()
        self.api = mock.Mock()
        self.service = InventoryService(self.store, self.api)
        self.store.upsert({"sku": "SRV-001", "name": "db-1", "quantity": 2})

    def _check_quantity(self, sku, expected):
        self.assertEqual(self.store.get(sku)["quantity"], expected)

    def test_restock_returns_new_quantity(self):
        total = self.service.restock("SRV-001", 3)
        self.assertTrue(total == 5)

    def test_restock_updates_store(self):
        self.service.restock("SRV-001", 3)
        self._check_quantity("SRV-001", 5)

    def test_restock_rejects_zero(self):
        with self.assertRaises(ValueError):
            self.service.restock("SRV-001", 0)

    def test_restock_stays_in_range(self):
        self.assertTrue(0 < self.service.restock("SRV-001", 1) < 10)

    def test_low_stock(self):
        self.assertTrue(self.service.is_low_stock("SRV-001"))

    def test_sync_from_cloud(self):
        self.api.get_servers.return_value = [
            {"id": "vm 42", "name": "web-1", "zone": "fra1-b", "flavor": "m5.large"},
        ]
        self.service.sync_from_cloud()

    def test_sync_asks_for_our_region(self):
        self.api.get_servers.return_value = []
        self.service.sync_from_cloud()
        self.api.get_servers.assert_called_once_with(region="eu-west-1")

    def test_price_with_discount(self):
        with mock.patch.dict(settings.DISCOUNT_RULES, {"SRV-001": "price * 0.5"}):
            self.assertEqual(self.service.price_for("SRV-001", 100), 50)

    def test_import_skips_duplicates(self):
        rows = [{"SKU": "a 1", "Name": "x"}, {"SKU": "A-1", "Name": "y"}, {"SKU": "b", "Name": ""}]
        self.assertEqual(self.service.import_rows(rows), (1, 2))


if __name__ == "__main__":
    unittest.main()
