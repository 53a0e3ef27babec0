import unittest

import pytest


class JobTest(unittest.TestCase):
    def test_skip(self):
        self.skipTest("not on this platform")
        self.assertTrue(run())  # [DED004]

    def test_fail(self):
        self.fail("broken")
        self.assertEqual(1, 1)  # [DED004]


def test_pytest_skip():
    pytest.skip("slow")
    assert run()  # [DED004]


# negative: a method named fail on another object is not a terminator
def test_other_fail(runner):
    runner.fail("x")
    assert runner.failed
