import unittest


class LegacyTests(unittest.TestCase):
    def test_legacy(self):
        print "running"
        # positive: the rule runs in a Python 2 file
        self.assertTrue(10L == 10)  # [TST001]
        try:
            pass
        except ValueError, e:
            # positive: after a Python 2 except clause
            self.assertFalse(e is None)  # [TST001]
