"""Reads supplier invoices sent as XML."""
import os
import xml.dom.minidom
import xml.etree.ElementTree as ET
import xml.sax
from pathlib import Path
from xml.dom import pulldom
from xml.etree.cElementTree import iterparse as stream_events

import defusedxml.ElementTree as SafeET
import lxml.html
from lxml import etree

SCHEMA = "schemas/invoice.xsd"
HERE = os.path.dirname(os.path.abspath(__file__))


def total(body):
    # positive: ElementTree.fromstring of request data
    return ET.fromstring(body).findtext("total")  # [SEC012]


def from_upload(upload, handler):
    # positive: parse of a file object, minidom, sax and pulldom
    tree = ET.parse(upload)  # [SEC012]
    doc = xml.dom.minidom.parseString(upload.read())  # [SEC012]
    xml.sax.parse(upload, handler)  # [SEC012]
    events = pulldom.parse(upload)  # [SEC012]
    return tree, doc, events


def streamed(path):
    # positive: iterparse through `from ... import ... as`, with a file name that is not literal
    for _, elem in stream_events(path):  # [SEC012]
        yield elem


def with_lxml(body, parser):
    # positive: lxml.etree on input, whatever parser is passed
    root = etree.fromstring(body, parser)  # [SEC012]
    other = etree.XML(text=body)  # [SEC012]
    # positive: an lxml parser that resolves entities
    resolving = etree.XMLParser(resolve_entities=True)  # [SEC012]
    return root, other, resolving


def near_misses(body, node):
    # negative: a literal document, and literal file names (the project's own files)
    empty = ET.fromstring("<invoice/>")
    schema = etree.parse(SCHEMA)
    local = ET.parse("config/defaults.xml")
    # negative: paths built from literals and the module's location
    bundled = etree.parse(os.path.join(HERE, "schemas", "invoice.xsd"))
    shipped = ET.parse(Path(__file__).parent / "defaults.xml")
    # negative: defusedxml, lxml.html, serialising and tree building
    safe = SafeET.fromstring(body)
    page = lxml.html.fromstring(body)
    text = ET.tostring(node)
    elem = ET.SubElement(node, "line")
    # negative: an lxml parser that does not resolve entities
    parser = etree.XMLParser(resolve_entities=False)
    return empty, schema, local, bundled, shipped, safe, page, text, elem, parser


class Report:
    def parse(self, body):
        return body

    def load(self, body):
        # negative: a method of the file's own class named parse
        return self.parse(body)
