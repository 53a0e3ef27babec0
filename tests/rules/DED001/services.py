"""Order services."""
import logging
import re
import time

log = logging.getLogger(__name__)
ORDER_RE = re.compile(r"^ORD-(\d+)$")

# negative: module-level assignments are not local names
unused_at_module_level = 42


def place_order(cart, user):
    # positive: assigned and never read
    order_total = cart.total()  # [DED001]
    cart.checkout(user)
    return True


def check_reference(text):
    # positive: a := target never read
    if (found := ORDER_RE.match(text)) is None:  # [DED001]
        raise ValueError(text)
    return text.upper()


def cancel(order):
    try:
        order.cancel()
    # positive: an `except ... as` name never read
    except RuntimeError as exc:  # [DED001]
        log.warning("cancel failed")
        return False
    return True


def ship(order, carrier):
    # positive: an annotated assignment with a value, never read
    tracking: str = carrier.book(order)  # [DED001]
    order.mark_shipped()


def archive(order):
    # positive (two findings, one per assignment): a name assigned twice, never read
    status = "archiving"  # [DED001]
    order.archive()
    status = "archived"  # [DED001]


def benchmark(order):
    # positive (two findings): a chained assignment to two unused names
    started = finished = time.monotonic()  # [DED001, DED001]
    order.process()


def make_drain(queue):
    def drain():
        # positive: an unused local of a nested function
        pending = queue.qsize()  # [DED001]
        queue.clear()

    return drain


def split_address(address):
    # negative: tuple-unpacking targets are exempt
    street, city = address.split(",", 1)
    return street


def head(items):
    # negative: list unpacking with a starred target
    [first, *rest] = items
    return first


def retry(func):
    # negative: _-prefixed names are exempt
    _result = func()
    _ = func()
    return True


def record_hit(counter):
    # negative: `x += 1` counts as a read
    hits = counter.get()
    hits += 1


def evict(cache, key):
    # negative: `del x` counts as a read
    entry = cache.pop(key)
    del entry


def format_price(amount):
    # negative: a name used only in an f-string format spec is read
    precision = 2
    return f"{amount:.{precision}f}"


def next_page(cursor):
    page = cursor.fetch()
    items = list(page)
    # negative: the name is read above, so this later store is not reported (see NOTES.md)
    page = None
    return items


def declare_only(order):
    # negative: a bare annotation is not an assignment
    retries: int
    return order.id


class Defaults:
    # negative: class-body assignments are not function locals
    timeout = 30
