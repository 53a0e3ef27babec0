import shutil
import unittest

class LegacyTest(unittest.TestCase):
    def setUp(self):
        print "setting up"
        self.addCleanup(shutil.rmtree, "/tmp/x", 0777)
        self.addCleanup(shutil.rmtree, "/tmp/x", 0777)  # [TST009]

    def test_it(self):
        self.assertTrue(1)
