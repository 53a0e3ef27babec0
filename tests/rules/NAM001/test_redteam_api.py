"""Red-team cases: a test file (snake_case dominates)."""
import unittest


class ApiTests(unittest.TestCase):
    # negative: hooks and presumed overrides in a test class
    def setUp(self):
        self.api_client = object()

    def testLogin(self):
        login_result = self.api_client
        self.assertTrue(login_result)

    # negative: the dominant style
    def test_logout(self):
        logout_result = None
        self.assertIsNone(logout_result)


def make_user(user_name, user_email):
    # positive: a camelCase local in a module-level helper of a test file
    userRecord = {"name": user_name, "email": user_email}  # [NAM001]
    return userRecord


class TestHelpers:
    # positive: pytest-style class (no imported base): camelCase test method is an own name
    def testHelperNames(self):  # [NAM001]
        return make_user("a", "b")
