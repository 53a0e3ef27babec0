"""Inventory management for the warehouse service."""
import functools
import logging

log = logging.getLogger(__name__)


# positive: exactly 5 statements and no docstring
def restock(item, quantity, history):  # [DOC102]
    if quantity <= 0:
        raise ValueError("quantity must be positive")
    item.stock += quantity
    history.append(("restock", item.sku, quantity))
    return item.stock


# negative: 4 statements, below the threshold
def reserve(item, quantity):
    if item.stock < quantity:
        return False
    item.stock -= quantity
    return True


# positive: if/elif/else counts 4 (the clauses are not statements), plus a return
def stock_level(item):  # [DOC102]
    if item.stock == 0:
        label = "out"
    elif item.stock < 10:
        label = "low"
    else:
        label = "ok"
    return label


# negative: try/except/finally counts 4 in all
def safe_count(items):
    try:
        return len(items)
    except TypeError:
        return 0
    finally:
        log.debug("counted")


# positive: statements separated by `;` count one each (2 + 2 + 1)
def reset(item):  # [DOC102]
    item.stock = 0; item.reserved = 0
    item.history.clear(); item.dirty = True
    return item


# positive: a comment is not a docstring
def transfer(source, target, quantity):  # [DOC102]
    # Move stock between two warehouses.
    if not reserve(source, quantity):
        return False
    restock(target, quantity, [])
    source.dirty = True
    target.dirty = True
    return True


# negative: the docstring is present
def audit(items):
    """Return the SKUs whose stock went negative."""
    bad = []
    for item in items:
        if item.stock < 0:
            bad.append(item.sku)
    return bad


# positive: a nested def counts one statement (4 + 1 = 5)
def sort_items(items, key_name):  # [DOC102]
    items = list(items)

    # negative: nested functions are never public, however long
    def key(item):
        value = getattr(item, key_name)
        if value is None:
            return ""
        text = str(value)
        return text.lower()

    ordered = sorted(items, key=key)
    ordered.reverse()
    return ordered


# negative: 3 statements plus a nested def counted as 1, however long its body
def make_filter(min_stock):
    threshold = max(min_stock, 0)
    log.debug("filter threshold %s", threshold)

    def keep(item):
        if item.stock is None:
            return False
        if item.discontinued:
            return False
        log.debug("checking %s", item.sku)
        return item.stock >= threshold

    return keep


# negative: decorators and comments do not count (4 statements)
@functools.lru_cache(maxsize=256)
def normalise_sku(raw):
    # Upper-case, strip, and drop the "SKU-" prefix.
    sku = raw.strip().upper()
    if sku.startswith("SKU-"):
        sku = sku[4:]
    return sku


# positive: a module-level function named test_* in a non-test file is checked
def test_inventory_consistency(items):  # [DOC102]
    seen = set()
    for item in items:
        if item.sku in seen:
            raise ValueError(item.sku)
        seen.add(item.sku)
    return True


# positive: an async function
async def refresh(client, items):  # [DOC102]
    log.debug("refreshing %d items", len(items))
    for item in items:
        item.stock = await client.stock_of(item.sku)
    log.info("refreshed %d items", len(items))
    return items
