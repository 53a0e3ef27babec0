"""HTTP, parser and ORM hooks."""
import ast
import json
import typing
import unittest
from http.server import BaseHTTPRequestHandler
from typing import overload

from django.db import models
from typing_extensions import override


class StatusHandler(BaseHTTPRequestHandler):
    # negative: http.server do_* hooks
    def do_GET(self):
        body = json.dumps({"status": "ok"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)


class ImportCollector(ast.NodeVisitor):
    def __init__(self):
        self.modules = []

    # negative: ast.NodeVisitor visit_* and generic_visit hooks
    def visit_Import(self, node):
        for alias in node.names:
            self.modules.append(alias.name)
        if not node.names:
            return
        self.generic_visit(node)

    def generic_visit(self, node):
        if isinstance(node, ast.expr):
            return
        for child in ast.iter_child_nodes(node):
            self.visit(child)
        return None


class FeedHandler:
    # negative: xml.sax handler hooks
    def startElement(self, name, attrs):
        self.current = name
        if name == "item":
            self.items.append({})
        self.attrs = attrs
        return None


class DatabaseFixture:
    # negative: unittest hook names, even outside a test class
    def setUp(self):
        self.db = {}
        self.db["users"] = []
        self.db["orders"] = []
        self.ready = True
        return self.db


@overload
def coerce(value: int) -> int: ...
@overload
def coerce(value: str) -> str: ...


# positive: the implementation behind the @overload stubs is checked
def coerce(value):  # [DOC102]
    if isinstance(value, bool):
        raise TypeError("bool")
    if isinstance(value, str):
        value = value.strip()
    return value


class Order(models.Model):
    # positive: overriding save() without @override is still checked
    def save(self, *args, **kwargs):  # [DOC102]
        if not self.reference:
            self.reference = self.make_reference()
        self.full_clean()
        super().save(*args, **kwargs)
        return self

    # negative: decorated with @override (typing_extensions)
    @override
    def delete(self, *args, **kwargs):
        if self.locked:
            raise ValueError("locked")
        self.items.clear()
        super().delete(*args, **kwargs)
        return None

    # negative: decorated with @typing.override
    @typing.override
    def clean(self):
        if self.total < 0:
            raise ValueError("negative total")
        self.total = round(self.total, 2)
        super().clean()
        return None


class OrderSelfTest(unittest.TestCase):
    # negative: methods of a test class are test code
    def build_order(self):
        order = Order()
        order.reference = "R1"
        order.total = 10
        order.locked = False
        return order
