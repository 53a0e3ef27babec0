import unittest

from sync_worker import fetch_all


class FakeClient:
    def fetch(self, item_id):
        if item_id == 2:
            raise KeyError(item_id)
        return "one"


class FetchAllTests(unittest.TestCase):
    def setUp(self):
        self.client = FakeClient()

    def test_fetch_all_skips_failures(self):
        try:
            result = fetch_all(self.client, [1, 2])
        # negative: self.fail() in the handler reports the error
        except Exception as exc:
            self.fail(f"fetch_all raised {exc!r}")
        self.assertEqual(result, {1: "one"})

    def tearDown(self):
        try:
            self.client.close()
        # positive: also in test code (the rule is not limited to non-test files)
        except Exception:  # [ERR002]
            pass
