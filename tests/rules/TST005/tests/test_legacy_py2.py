import unittest
import mock

class LegacyTest(unittest.TestCase):
    def setUp(self):
        print "patching"
        p = mock.patch("os.chmod")
        p.start()  # [TST005]

    def test_it(self):
        self.assertEqual(0777, 511)
