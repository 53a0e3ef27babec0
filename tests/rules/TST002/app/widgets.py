"""Application code with a test class at the bottom (test code even here)."""
import unittest


def widget_count(items):
    return len(items)


class WidgetTestCase(unittest.TestCase):
    def test_count(self):
        self.assertEquals(widget_count([1, 2]), 2)  # [TST002]
