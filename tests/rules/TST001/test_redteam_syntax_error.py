import unittest


class BrokenTests(unittest.TestCase):
    def test_before(self):
        # positive: before a syntax error
        self.assertTrue(1 == 1)  # [TST001]

    def test_broken(self):
        value = compute(1,, 2)

    def test_after(self):
        # positive: after a syntax error
        self.assertTrue(2 > 1)  # [TST001]
