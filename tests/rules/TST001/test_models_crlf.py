import unittest


class ModelTests(unittest.TestCase):
    def test_defaults(self):
        model = {"name": "widget", "tags": []}
        # positive: in a file with CRLF line endings
        self.assertTrue("name" in model)  # [TST001]
        # negative: already the specific assertion
        self.assertIn("tags", model)
        # positive: is, in a file with CRLF line endings
        self.assertTrue(model["tags"] is not None)  # [TST001]
