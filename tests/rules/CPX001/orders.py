"""Order normalisation: compound statements and their clauses."""
import logging

log = logging.getLogger(__name__)


# positive: 51 statements; elif/else/except/finally/case clauses are not statements
def normalise_order(raw, catalog):  # [CPX001]
    order = {}
    order["id"] = raw["id"]
    order["customer"] = raw.get("customer")
    order["currency"] = raw.get("currency", "EUR")
    if raw.get("status") == "paid":
        order["status"] = "paid"
    elif raw.get("status") == "refunded":
        order["status"] = "refunded"
        order["refunded_at"] = raw.get("refunded_at")
    else:
        order["status"] = "open"
    lines = []
    for item in raw.get("items", []):
        sku = item["sku"]
        if sku not in catalog:
            log.warning("unknown sku %s", sku)
            continue
        quantity = int(item.get("qty", 1))
        price = catalog[sku].price
        lines.append((sku, quantity, price))
    else:
        log.debug("read %d lines", len(lines))
    order["lines"] = lines
    subtotal = 0
    index = 0
    while index < len(lines):
        _, quantity, price = lines[index]
        subtotal += quantity * price
        index += 1
    order["subtotal"] = subtotal
    try:
        discount = float(raw.get("discount", 0))
    except (TypeError, ValueError):
        log.warning("bad discount %r", raw.get("discount"))
        discount = 0.0
    else:
        discount = min(discount, subtotal)
    finally:
        order["discount_raw"] = raw.get("discount")
    order["discount"] = discount
    with catalog.lock():
        catalog.reserve(order["lines"])
        order["reserved"] = True
    match raw.get("shipping"):
        case "express":
            order["shipping"] = 15.0
        case "pickup":
            order["shipping"] = 0.0
        case _:
            order["shipping"] = 5.0
    order["total"] = subtotal - discount + order["shipping"]
    if order["total"] < 0:
        raise ValueError("negative total")
    order["vat"] = round(order["total"] * 0.2, 2)
    order["gross"] = order["total"] + order["vat"]
    order["notes"] = raw.get("notes", "").strip()
    order["source"] = raw.get("source", "web")
    order["created_at"] = raw.get("created_at")
    log.info("normalised order %s", order["id"])
    return order


# negative: the same shape with one statement fewer (50)
def normalise_draft(raw, catalog):
    order = {}
    order["id"] = raw["id"]
    order["customer"] = raw.get("customer")
    order["currency"] = raw.get("currency", "EUR")
    if raw.get("status") == "paid":
        order["status"] = "paid"
    elif raw.get("status") == "refunded":
        order["status"] = "refunded"
        order["refunded_at"] = raw.get("refunded_at")
    else:
        order["status"] = "open"
    lines = []
    for item in raw.get("items", []):
        sku = item["sku"]
        if sku not in catalog:
            log.warning("unknown sku %s", sku)
            continue
        quantity = int(item.get("qty", 1))
        price = catalog[sku].price
        lines.append((sku, quantity, price))
    else:
        log.debug("read %d lines", len(lines))
    order["lines"] = lines
    subtotal = 0
    index = 0
    while index < len(lines):
        _, quantity, price = lines[index]
        subtotal += quantity * price
        index += 1
    order["subtotal"] = subtotal
    try:
        discount = float(raw.get("discount", 0))
    except (TypeError, ValueError):
        log.warning("bad discount %r", raw.get("discount"))
        discount = 0.0
    else:
        discount = min(discount, subtotal)
    finally:
        order["discount_raw"] = raw.get("discount")
    order["discount"] = discount
    with catalog.lock():
        catalog.reserve(order["lines"])
        order["reserved"] = True
    match raw.get("shipping"):
        case "express":
            order["shipping"] = 15.0
        case "pickup":
            order["shipping"] = 0.0
        case _:
            order["shipping"] = 5.0
    order["total"] = subtotal - discount + order["shipping"]
    if order["total"] < 0:
        raise ValueError("negative total")
    order["vat"] = round(order["total"] * 0.2, 2)
    order["gross"] = order["total"] + order["vat"]
    order["notes"] = raw.get("notes", "").strip()
    order["created_at"] = raw.get("created_at")
    log.info("normalised order %s", order["id"])
    return order
