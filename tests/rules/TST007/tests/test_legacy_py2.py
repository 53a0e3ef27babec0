import unittest

class LegacyTest(unittest.TestCase):
    def test_old(self):
        print "checking"
        assert(10L > 1, "big")  # [TST007]
        self.failUnless(0777)  # [TST007]
        self.assertEqual(0777, 511)
