"""Closures, globals and templates."""
from django.shortcuts import render

registry = {}


def reset_registry():
    # negative: a global name is exempt
    global registry
    registry = {}


def make_tracker():
    last_seen = None

    def touch(value):
        # negative: a nonlocal name is exempt
        nonlocal last_seen
        last_seen = value

    def seen():
        return last_seen

    return touch, seen


def make_callback(order):
    # negative: read in a nested function
    order_id = order.id

    def callback():
        return order_id

    return callback


def sort_orders(orders):
    # negative: read in a lambda
    key_name = "created"
    return sorted(orders, key=lambda o: getattr(o, key_name))


def open_report(path):
    # negative: `with ... as` targets are exempt
    with open(path) as fh:
        pass
    return path


def render_invoice(request, invoice):
    # negative: the function calls locals()
    title = f"Invoice {invoice.number}"
    total = invoice.total()
    return render(request, "invoice.html", locals())


def summarize(orders):
    # positive: unused in a function next to ones whose names are read
    count = len(orders)  # [DED001]
    return [order.id for order in orders]
