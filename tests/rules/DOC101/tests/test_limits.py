import unittest


class LimiterTest(unittest.TestCase):  # [DOC101]
    def test_it(self):
        self.assertTrue(True)
