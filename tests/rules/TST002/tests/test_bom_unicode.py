"""Tests with accents: café, naïve, 東京."""
import unittest


class ÉtiquetteTests(unittest.TestCase):
    def test_café(self):
        libellé = "crème brûlée"
        self.assertEquals(libellé.upper(), "CRÈME BRÛLÉE")  # [TST002]

    def test_broken(self):
        # negative: the broken statement itself produces nothing; the next line is checked
        total = compute(1,, 2)
        self.assertEquals(total, 3)  # [TST002]

    def test_after_error(self):
        self.assertItemsEqual(["é"], ["é"])  # [TST002]
