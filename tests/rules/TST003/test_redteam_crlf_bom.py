import unittest


class T(unittest.TestCase):
    # positive: BOM and CRLF line ends
    def test_z(self):  # [TST003]
        run()
