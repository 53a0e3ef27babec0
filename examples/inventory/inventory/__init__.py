"""Inventory of data-centre hardware: storage, stock operations and helpers."""

from .db import ItemStore
from .service import InventoryService

__all__ = ["ItemStore", "InventoryService"]
