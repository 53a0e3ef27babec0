"""The catalog's sharper TST003: testtools, nose/sqlalchemy helpers, disabled inherited tests."""
import unittest

import testtools
from testtools import ExpectedException as Expecting
from sqlalchemy.testing import eq_, is_, ne_
from sqlalchemy.testing import fixtures

from app.parsers import parse, ParseError


class ParserTests(testtools.TestCase):
    def test_expected_exception(self):
        # negative: testtools.ExpectedException asserts that the block raises
        with testtools.ExpectedException(ParseError):
            parse("{")

    def test_expected_exception_imported(self):
        # negative: any import form
        with Expecting(ParseError, "unexpected end"):
            parse("[")

    def test_nothing(self):  # [TST003]
        parse("{}")


class SqlaHelpers(fixtures.TestBase):
    def test_eq(self):
        # negative: sqlalchemy.testing's eq_ / is_ / ne_ assert
        eq_(parse("1"), 1)

    def test_is(self):
        # negative: is_
        is_(parse("null"), None)

    def test_ne(self):
        # negative: ne_ through a module attribute
        fixtures.ne_(parse("1"), 2)

    def test_other_helpers(self):
        # negative: the rest of the family, by name
        from sqlalchemy.testing import in_, not_in, le_, lt_, ge_, gt_, is_not
        in_(1, [parse("1")])
        not_in(2, [1])
        le_(1, 2)
        lt_(1, 2)
        ge_(2, 1)
        gt_(2, 1)
        is_not(parse("1"), None)

    def test_named_like_no_helper(self):  # [TST003]
        equal = parse("1")
        print(equal)


class BaseParserTests(unittest.TestCase):
    def test_roundtrip(self):
        self.assertEqual(parse("1"), 1)

    def test_unicode(self):
        self.assertEqual(parse('"é"'), "é")


class LegacyParserTests(BaseParserTests):
    def test_unicode(self):
        # negative: a pass-only override disables the inherited test
        pass

    def test_roundtrip(self):
        """negative: a docstring-only override disables it too."""

    def test_ellipsis(self):
        # negative: `...` only, in a class with a base of the file
        ...

    def test_does_work(self):  # [TST003]
        parse("1")


class PlainTests(unittest.TestCase):
    def test_placeholder(self):  # [TST003]
        # positive: pass-only in a class whose only base is unittest.TestCase
        pass


class MixinTests(SomeMixin, unittest.TestCase):
    def test_inherited(self):
        # negative: a base other than the framework's (a mixin may define the test)
        pass


class TestObject(object):
    def test_pass(self):  # [TST003]
        # positive: `object` is no base that defines tests (a test class by name, in a test file)
        pass
