import unittest
import tempfile  # [DED002]
# negative: unittest's module hooks are found by name
from .support import setUpModule, tearDownModule, load_tests


class ExportTest(unittest.TestCase):
    def test_export(self):
        from io import StringIO  # [DED002]
        self.assertTrue(True)
