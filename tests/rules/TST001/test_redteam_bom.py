import unittest


class BomTests(unittest.TestCase):
    def test_bom(self):
        # positive: a BOM takes no column
        self.assertTrue(1 == 1)  # [TST001]
