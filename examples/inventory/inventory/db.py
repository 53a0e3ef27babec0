"""SQLite storage for inventory items."""

import logging
import pickle
import sqlite3
import time

logger = logging.getLogger(__name__)

TABLE = "items"
COLUMNS = "id, sku, name, site, quantity, attributes"


class ItemStore:
    """Reads and writes inventory items in one SQLite database file."""

    def __init__(self, path):
        self.path = path
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row

    def create_schema(self):
        """Create the items table if the database is new."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS items ("
            " id INTEGER PRIMARY KEY,"
            " sku TEXT UNIQUE NOT NULL,"
            " name TEXT NOT NULL,"
            " site TEXT NOT NULL DEFAULT '',"
            " quantity INTEGER NOT NULL DEFAULT 0,"
            " attributes BLOB)"
        )
        self.conn.commit()

    def get(self, sku):
        """Return the item with this SKU, or None."""
        row = self.conn.execute(
            "SELECT " + COLUMNS + " FROM items WHERE sku = ?", (sku,)
        ).fetchone()
        return self._to_item(row) if row else None

    def search(self, text):
        """Return the items whose name contains ``text``."""
        cursor = self.conn.execute(
            f"SELECT {COLUMNS} FROM items WHERE name LIKE '%{text}%' ORDER BY sku"
        )
        return [self._to_item(row) for row in cursor]

    def all_items(self):
        """Return every item, ordered by SKU."""
        cursor = self.conn.execute("SELECT " + COLUMNS + " FROM items ORDER BY sku")
        return [self._to_item(row) for row in cursor]

    def count(self):
        """Return the number of items."""
        return self.conn.execute("SELECT COUNT(*) FROM {}".format(TABLE)).fetchone()[0]

    def upsert(self, item):
        """Insert ``item``, or update the item with the same SKU."""
        self.conn.execute(
            "INSERT INTO items (sku, name, site, quantity, attributes)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(sku) DO UPDATE SET name = excluded.name,"
            " site = excluded.site, attributes = excluded.attributes",
            (
                item["sku"],
                item["name"],
                item.get("site", ""),
                item.get("quantity", 0),
                pickle.dumps(item.get("attributes", {})),
            ),
        )
        self.conn.commit()

    def adjust_quantity(self, sku, delta):
        """Add ``delta`` (may be negative) to the stock of ``sku``."""
        started = time.monotonic()
        self.conn.execute(
            "UPDATE items SET quantity = quantity + ? WHERE sku = ?", (delta, sku)
        )
        self.conn.commit()
        logger.debug("adjusted %s by %d", sku, delta)

    def _to_item(self, row):
        attributes = pickle.loads(row["attributes"]) if row["attributes"] else {}
        return {
            "id": row["id"],
            "sku": row["sku"],
            "name": row["name"],
            "site": row["site"],
            "quantity": row["quantity"],
            "attributes": attributes,
        }
