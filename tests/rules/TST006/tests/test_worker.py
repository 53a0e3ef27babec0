"""Worker tests that wait with fixed sleeps."""
import asyncio
import time
import time as clock
import unittest
from time import sleep
from time import sleep as pause

from app.worker import Worker, POLL_INTERVAL


class WorkerTests(unittest.TestCase):
    def test_job_finishes(self):
        worker = Worker()
        worker.start()
        time.sleep(5)  # [TST006]
        self.assertTrue(worker.done)

    def test_import_forms(self):
        worker = Worker()
        sleep(0.5)  # [TST006]
        pause(1)  # [TST006]
        clock.sleep(2 * 60)  # [TST006]
        time.sleep(-(1 + 0.5) / 2)  # [TST006]
        self.assertTrue(worker.done)

    def test_poll(self):
        # negative: a delay computed at run time (a bounded poll helper's interval)
        worker = Worker()
        deadline = time.monotonic() + 5
        while not worker.done and time.monotonic() < deadline:
            time.sleep(POLL_INTERVAL)
        interval = 0.1
        time.sleep(interval)
        time.sleep(worker.backoff())
        time.sleep(0.1 * worker.attempts)
        self.assertTrue(worker.done)

    def test_asyncio(self):
        # negative: asyncio.sleep yields to the loop
        async def go():
            await asyncio.sleep(1)
        asyncio.run(go())
        self.assertTrue(True)


def wait_a_bit():
    # positive: a helper in a test file is test code too
    time.sleep(0.25)  # [TST006]


def test_reference():
    # negative: a reference to sleep is not a call
    hook = time.sleep
    assert hook is not None
