"""Runtime self-checks and embedded test cases (this is not a test file)."""
import unittest

from support.base import ApiTestBase


def cache_size():
    return 3


class ResponseChecks:
    """Mixin used by the admin diagnostics page."""

    def verify(self, case, resp):
        # negative: outside test code (a plain class of a non-test file)
        case.assertTrue(resp.status_code == 200)


class TestHelpers:
    def check(self, case, value):
        # negative: named Test... but in a non-test file and without a test base
        case.assertTrue(value is not None)


def sanity_check(case, config):
    # negative: a module-level function of a non-test file
    case.assertFalse(config.debug is True)


class CacheTestCase(unittest.TestCase):
    def test_cache(self):
        # positive: a test class (base ending in TestCase) in a non-test file
        self.assertTrue(cache_size() > 0)  # [TST001]


class CacheTypeTests(CacheTestCase):
    def test_cache_type(self):
        # positive: a subclass of a test class of the same file
        self.assertTrue(isinstance(cache_size(), int))  # [TST001]


class ApiSmoke(ApiTestBase):
    def test_ping(self):
        # positive: a base whose name ends in TestBase
        self.assertFalse(self.api.ping() is None)  # [TST001]
