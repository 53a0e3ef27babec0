"""Tests run ERR001 too: a bare except in test code is flagged like any other."""
import unittest


class LoaderTest(unittest.TestCase):
    def test_missing_file(self):
        try:
            open("/nonexistent")
        # positive: flagged in tests as well
        except:  # [ERR001]
            pass

    def test_reraise(self):
        try:
            open("/nonexistent")
        # negative: re-raised
        except:
            raise
