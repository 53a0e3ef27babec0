import unittest

class LegacyTest(unittest.TestCase):
    def test_old(self):
        print "legacy", 0777
        0777 <> 511  # [TST010]
        self.assertEqual(0777, 511)
