"""Hook names chosen by an API, outside test code."""
import logging


class Hooks:
    """Hooks."""

    # negative: tearDownClass
    @classmethod
    def tearDownClass(cls, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    # negative: assert* and fail* names
    def assertValidConfig(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    def failIfBroken(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    # negative: do_POST, visit_Call, characters, endDocument, runTest, setLevel
    def do_POST(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    def visit_Call(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    def characters(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    def endDocument(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    def runTest(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    def setLevel(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    # positive: lower-case `setup` is not unittest's setUp
    def setup(self, a):  # [DOC102]
        a += 1
        a += 2
        a += 3
        a += 4
        return a

    # positive: `visitor` is not visit_*
    def visitor(self, a):  # [DOC102]
        a += 1
        a += 2
        a += 3
        a += 4
        return a


class JsonHandler(logging.Handler):
    """A logging handler."""

    # negative: logging.Handler's emit hook
    def emit(self, record):
        msg = self.format(record)
        msg = msg.strip()
        msg = msg + "\n"
        self.stream.write(msg)
        self.flush()


class Pipeline:
    """Not a logging class."""

    # positive: `emit` of a class that is not a logging handler
    def emit(self, a):  # [DOC102]
        a += 1
        a += 2
        a += 3
        a += 4
        return a
