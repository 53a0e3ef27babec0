"""Application code: sleeping here is not a test's business."""
import time
import unittest

POLL_INTERVAL = 0.05


class Worker:
    done = True
    attempts = 1

    def start(self):
        # negative: not test code
        time.sleep(1)

    def backoff(self):
        return 0.1


class WorkerSmokeTest(unittest.TestCase):
    def test_smoke(self):
        # positive: the body of a test class is test code, even in a non-test file
        time.sleep(0.1)  # [TST006]
        self.assertTrue(Worker.done)


class sleeper:
    @staticmethod
    def sleep(seconds):
        return seconds


def test_not_a_test_file():
    # negative: a module-level test function of a non-test file is not test code
    time.sleep(1)
