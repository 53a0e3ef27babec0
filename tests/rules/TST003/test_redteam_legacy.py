import unittest


class LegacyTests(unittest.TestCase):
    # positive: a Python 2 print statement asserts nothing
    def test_print(self):  # [TST003]
        print "value", 1

    # negative: an assert in a Python 2 file
    def test_assert(self):
        assert 0777 == 511

    # negative: self.fail under a Python 2 except clause
    def test_fail(self):
        try:
            run()
        except ValueError, e:
            self.fail(str(e))
