"""A non-test module with a test class: its body is test code."""
import unittest

# positive: module level of a non-test file
ADMIN_PASSWORD = "adm1n!"  # [SEC005]


class LoginTestCase(unittest.TestCase):
    # negative: inside a test class body (test code)
    password = "fixture-pass"

    def test_login(self):
        token = "tok-fixture-1"
        self.assertTrue(token)
