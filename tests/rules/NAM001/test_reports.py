"""Tests for the report builder."""
import os
import unittest

from reports import build_report, render_csv


# negative: module-level unittest hooks are inherited names
def setUpModule():
    os.environ["REPORTS_TZ"] = "UTC"


def tearDownModule():
    os.environ.pop("REPORTS_TZ", None)


class ReportTestCase(unittest.TestCase):
    def setUp(self):
        self.sample_rows = [("a", 1), ("b", 2)]

    # negative: a public camelCase method of a class with an imported base (unittest.TestCase)
    def testParsesHeader(self):
        header_line = render_csv(self.sample_rows).splitlines()[0]
        self.assertEqual(header_line, "name,count")


class SummaryTests(ReportTestCase):
    # negative: hook names (setUp, tearDown, assert*) are inherited, whatever the base
    def setUp(self):
        super().setUp()
        self.report = build_report(self.sample_rows)

    def tearDown(self):
        self.report = None

    def assertRowsEqual(self, expected_rows, actual_rows):
        self.assertEqual(list(expected_rows), list(actual_rows))

    def test_totals(self):
        total_count = sum(count for _, count in self.sample_rows)
        self.assertEqual(self.report.total, total_count)

    # positive: a camelCase test method; the base class is from this file, so no override
    def testEmptyReport(self):  # [NAM001]
        # positive: a camelCase local variable
        emptyReport = build_report([])  # [NAM001]
        self.assertRowsEqual([], emptyReport.rows)
