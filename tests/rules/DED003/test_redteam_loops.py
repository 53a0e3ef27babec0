"""Red-team cases: a test file."""
import unittest


class LoopTests(unittest.TestCase):
    def test_repeat(self):
        # positive: also in test code
        for attempt in range(3):  # [DED003]
            self.assertTrue(True)
