"""Stock operations on top of the item store and the cloud provider's API."""

import ast
import logging

from . import settings
from .utils import formatSku, parse_quantity

logger = logging.getLogger(__name__)


class InventoryService:
    """Restocking, pricing, imports and the nightly sync with the cloud API."""

    def __init__(self, store, api, region="eu-west-1"):
        self.store = store
        self.api = api
        self.region = region

    def restock(self, sku, quantity):
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        item = self.store.get(sku)
        if item is None:
            raise KeyError(sku)
        self.store.adjust_quantity(sku, quantity)
        logger.info("restocked %s (+%d)", sku, quantity)
        return item["quantity"] + quantity

    def is_low_stock(self, sku):
        """Tell whether ``sku`` is below the configured threshold."""
        item = self.store.get(sku)
        return item is not None and item["quantity"] < settings.LOW_STOCK_THRESHOLD

    def price_for(self, sku, base_price):
        """Return the price of ``sku`` after its configured discount rule."""
        rule = settings.DISCOUNT_RULES.get(sku)
        if not rule:
            return base_price
        return eval(rule, {"__builtins__": {}}, {"price": base_price})

    def parse_dimensions(self, raw):
        """Parse "(width, height, depth)" as written in the spreadsheet export."""
        return tuple(ast.literal_eval(raw))

    def sync_from_cloud(self):
        """Upsert every server the cloud API lists in our region; return the count."""
        servers = self.api.get_servers(region=self.region)
        for server in servers:
            self.store.upsert({
                "sku": formatSku(server["id"]),
                "name": server["name"],
                "site": server.get("zone", settings.DEFAULT_SITE),
                "attributes": {"flavor": server.get("flavor"), "tags": server.get("tags", [])},
            })
        return len(servers)

    def notify_low_stock(self, mailer):
        """Mail purchasing about every item below the threshold; return how many."""
        low = [i for i in self.store.all_items() if i["quantity"] < settings.LOW_STOCK_THRESHOLD]
        for item in low:
            try:
                mailer.send("purchasing@example.com", f"Low stock: {item['sku']} ({item['quantity']} left)")
            except Exception:
                pass
        return len(low)

    def import_rows(self, rows):
        """Import rows of the purchasing spreadsheet; return (imported, skipped)."""
        imported = 0
        skipped = 0
        seen = set()
        for row in rows:
            sku = formatSku(row.get("SKU", ""))
            if not sku or sku in seen:
                skipped += 1
                continue
            seen.add(sku)
            name = row.get("Name", "").strip()
            if not name:
                logger.warning("row for %s has no name, skipped", sku)
                skipped += 1
                continue
            vendor = row.get("Vendor", "").strip()
            model = row.get("Model", "").strip()
            serial = row.get("Serial", "").strip()
            site = row.get("Site", "").strip().lower() or settings.DEFAULT_SITE
            rack = row.get("Rack", "").strip().upper()
            unit = parse_quantity(row.get("Unit", ""))
            owner = row.get("Owner", "").strip().lower()
            cost_centre = row.get("Cost centre", "").strip()
            warranty = row.get("Warranty until", "").strip()
            cpu = row.get("CPU", "").strip()
            memory_gb = parse_quantity(row.get("RAM (GB)", ""))
            disk_gb = parse_quantity(row.get("Disk (GB)", ""))
            quantity = parse_quantity(row.get("Qty", ""), default=1)
            notes = row.get("Notes", "").strip()
            dimensions = row.get("Dimensions", "").strip()
            if dimensions:
                dimensions = self.parse_dimensions(dimensions)
            attributes = {}
            attributes["vendor"] = vendor
            attributes["model"] = model
            attributes["serial"] = serial
            attributes["rack"] = rack
            attributes["unit"] = unit
            attributes["owner"] = owner
            attributes["cost_centre"] = cost_centre
            attributes["warranty"] = warranty
            attributes["cpu"] = cpu
            attributes["memory_gb"] = memory_gb
            attributes["disk_gb"] = disk_gb
            attributes["dimensions"] = dimensions
            attributes["notes"] = notes
            item = {}
            item["sku"] = sku
            item["name"] = name
            item["site"] = site
            item["quantity"] = quantity
            item["attributes"] = attributes
            try:
                self.store.upsert(item)
            except Exception:
                logger.exception("could not import %s", sku)
                skipped += 1
                continue
            imported += 1
            if imported % 100 == 0:
                logger.info("imported %d rows so far", imported)
        logger.info("import done: %d imported, %d skipped", imported, skipped)
        return imported, skipped
