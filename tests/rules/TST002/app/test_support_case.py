import unittest


class SupportTestCase(unittest.TestCase):
    # positive: a test class in a file that is also a test file by name
    def test_it(self):
        self.assertEquals(len("abc"), 3)  # [TST002]
