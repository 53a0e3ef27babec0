import unittest

class LegacyTest(unittest.TestCase):
    def test_print(self):
        print "one"
        self.assertEqual(0777, 511)

    def test_print(self):  # [TST008]
        print "two"
        self.assertEqual(10L, 10)
