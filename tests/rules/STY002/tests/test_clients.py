import unittest


class ClientTest(unittest.TestCase):
    def setUp(self):
        super(ClientTest, self).setUp()  # [STY002]
