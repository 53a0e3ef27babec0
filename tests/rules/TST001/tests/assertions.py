"""Shared assertions for the API tests (a test file: it lives in a tests/ folder)."""


class ResponseAssertions:
    def assert_created(self, resp):
        # positive: all of a test file is test code, even a class without a test base
        self.assertTrue(resp.status_code == 201)  # [TST001]

    def assert_listing(self, resp):
        # negative: a chained comparison
        self.assertTrue(200 <= resp.status_code < 300)
