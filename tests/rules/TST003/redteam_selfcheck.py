"""Runtime self-checks (not a test file)."""
import unittest


class BaseCheck(unittest.TestCase):
    def run_probe(self):
        self.assertTrue(True)


class ProbeTests(BaseCheck):
    # negative: a helper of a same-file base class asserts
    def test_probe(self):
        self.run_probe()

    # positive: a test of a test class in a non-test file, without an assertion
    def test_noop(self):  # [TST003]
        print("noop")


class TestLike:
    # negative: a Test... class is a test class only in a test file
    def test_x(self):
        print("x")


# negative: a module-level test_* of a non-test file is not a test
def test_module():
    print("y")
