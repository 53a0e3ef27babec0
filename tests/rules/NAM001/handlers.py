"""HTTP, SAX and AST handlers for the documentation server."""
import ast
import logging
from http.server import BaseHTTPRequestHandler
from xml.dom.minidom import parseString
from xml.sax.handler import ContentHandler


def render_page(page_path):
    # positive: a camelCase local variable in a snake_case module
    pageTitle = page_path.replace("-", " ").title()  # [NAM001]
    return f"<h1>{pageTitle}</h1>".encode()


# negative: a parameter named after an imported name (parseString) is inherited
def parse_documents(documents, parseString=parseString):
    parsed_docs = [parseString(doc) for doc in documents]
    return parsed_docs


class DocsHandler(BaseHTTPRequestHandler):
    # negative: do_GET is a mixed name (no style) and a handler hook
    def do_GET(self):
        page_path = self.path.lstrip("/")
        self.send_response(200)
        self.end_headers()
        self.wfile.write(render_page(page_path))

    def log_message(self, format, *args):
        logging.info(format, *args)


class TitleCollector(ContentHandler):
    def __init__(self):
        super().__init__()
        self.titles = []
        self.in_title = False

    # negative: SAX handler methods overriding an imported base
    def startElement(self, name, attrs):
        self.in_title = name == "title"

    def endElement(self, name):
        self.in_title = False

    def characters(self, content):
        if self.in_title:
            self.titles.append(content)


class OutlineBuilder:
    """Duck-typed SAX handler (no base class)."""

    def __init__(self):
        self.depth = 0
        self.outline = []

    # negative: startElement and endElement are handler hook names even without a base
    def startElement(self, name, attrs):
        self.depth += 1
        self.outline.append("  " * self.depth + name)

    def endElement(self, name):
        self.depth -= 1

    # positive: a camelCase method that is no hook, in a class without an imported base
    def asText(self):  # [NAM001]
        return "\n".join(self.outline)


class NullLogger:
    """Stands in for logging.Logger in quiet mode."""

    # negative: logging's method names are hook names
    def setLevel(self, level):
        self.level = level

    def addHandler(self, handler):
        self.handler = handler


class CallCounter(ast.NodeVisitor):
    def __init__(self):
        self.calls = 0

    # negative: visit_Call is a mixed name (no style)
    def visit_Call(self, node):
        self.calls += 1
        self.generic_visit(node)
