import unittest

from shop.parser import parse_price


class ParsePriceTests(unittest.TestCase):
    def test_rounding(self):
        # positive: a test file named *_test.py
        self.assertTrue(parse_price("1.005") == 1.01)  # [TST001]
