"""Red-team cases: the override presumption and hook names (snake_case dominates)."""
import logging
import unittest
from http import server
from xml.sax import handler as sax_handler

from .models import BaseModel


# negative: the dominant style
def save_record(record_id, record_data):
    stored_value = record_data
    return record_id, stored_value


def load_record(record_id):
    found_record = record_id
    return found_record


# negative: a base reached through an imported module: public camelCase methods are presumed overrides
class Handler(server.BaseHTTPRequestHandler):
    def handleOne(self):
        return None

    # positive: parameters of a presumed override are still own names
    def sendHead(self, extraHeaders):  # [NAM001]
        return extraHeaders

    # positive: a private camelCase method is not presumed to override
    def _sendBody(self, body_text):  # [NAM001]
        return body_text


# negative: a base imported with a relative import is from another module
class Record(BaseModel):
    def toDict(self):
        return {}


# negative: SAX handler through a module alias
class Collector(sax_handler.ContentHandler):
    def startElementNS(self, name, qname, attrs):
        return name


# positive: a base of the same file is not imported
class LocalBase:
    def runJob(self):  # [NAM001]
        return 1


class LocalChild(LocalBase):
    def stopJob(self):  # [NAM001]
        return 2


# positive: builtin bases (object, dict, Exception) are not imported
class MyDict(dict):
    def getOrNone(self, key_name):  # [NAM001]
        return self.get(key_name)


class AppError(Exception):
    def toMessage(self):  # [NAM001]
        return str(self)


# positive: methods of a class whose name starts with `_` are not public (see Public functions),
# so they are not presumed overrides
class _Adapter(BaseModel):
    def toDict(self):  # [NAM001]
        return {}


def make_handler():
    # positive: methods of a class defined inside a function are not public (see Public functions)
    class Inner(BaseModel):
        def toJson(self):  # [NAM001]
            return "{}"
    return Inner


# negative: hook names whatever the class
class Quiet:
    def setUp(self):
        pass

    def tearDown(self):
        pass

    def assertAlmostSame(self, first_value, second_value):
        return first_value == second_value

    def failIfBroken(self):
        pass

    def setFormatter(self, fmt):
        self.fmt = fmt

    def do_POST(self):
        pass

    def visit_Name(self, node):
        pass

    def generic_visit(self, node):
        pass

    def startDocument(self):
        pass

    def endDocument(self):
        pass

    def characters(self, content):
        pass

    def setUpTestData(self):
        pass

    def asyncSetUp(self):
        pass

    def runTest(self):
        pass

    def skipTest(self, reason):
        pass

    def useFixture(self, fixture):
        pass

    def getLogger(self):
        pass

    def addHandler(self, hdlr):
        pass


class LogFilter(logging.Filter):
    # negative: an override of an imported base
    def filterRecord(self, record):
        return True


class TestThing(unittest.TestCase):
    # negative: camelCase test name in a class with an imported base
    def testSomething(self):
        # positive: a camelCase local in a test method
        resultValue = 1  # [NAM001]
        self.assertEqual(resultValue, 1)


# positive: a @staticmethod's first parameter is a parameter; the method name is an own name
class Util:
    @staticmethod
    def parseValue(raw_value):  # [NAM001]
        return raw_value
