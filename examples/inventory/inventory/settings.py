"""Settings: defaults from the environment, overridden by inventory.yaml."""

import logging
import os

import yaml

logger = logging.getLogger(__name__)

DB_PATH = os.environ.get("INVENTORY_DB", "inventory.db")
CONFIG_PATH = os.environ.get("INVENTORY_CONFIG", "inventory.yaml")
BACKUP_DIR = os.environ.get("INVENTORY_BACKUPS", "backups")
DEFAULT_SITE = "fra1"
LOW_STOCK_THRESHOLD = 5

# sku -> pricing formula in terms of `price`, e.g. "price * 0.9"
DISCOUNT_RULES = {}


def load(path=CONFIG_PATH):
    """Read the YAML settings file; keys missing from it keep their defaults."""
    global DEFAULT_SITE, LOW_STOCK_THRESHOLD, DISCOUNT_RULES
    data = {}
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except Exception:
        logger.warning("could not read %s, using the defaults", path)
    DEFAULT_SITE = data.get("default_site", DEFAULT_SITE)
    LOW_STOCK_THRESHOLD = int(data.get("low_stock_threshold", LOW_STOCK_THRESHOLD))
    DISCOUNT_RULES = dict(data.get("discounts", {}))
    return data
