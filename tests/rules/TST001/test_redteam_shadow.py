import unittest


class ShadowTests(unittest.TestCase):
    def test_shadowed_isinstance(self):
        # negative: the file's own module-level `isinstance` (below) shadows the builtin
        self.assertTrue(isinstance(1, int))
        # positive: a comparison is still one
        self.assertTrue(1 in [1])  # [TST001]


def isinstance(obj, kind):
    return True
