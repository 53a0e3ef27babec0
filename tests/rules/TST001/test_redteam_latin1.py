# -*- coding: latin-1 -*-
import unittest


class L(unittest.TestCase):
    def test_l(self):
        # positive: a latin-1 file, non-ASCII text before the call
        s = "café"; self.assertTrue(s == "café")  # [TST001]
