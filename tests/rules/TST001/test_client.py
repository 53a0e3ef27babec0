import unittest

from shop.api import Client, Response


class ClientTests(unittest.TestCase):
    def setUp(self):
        self.client = Client("https://api.example.test")

    def test_health(self):
        resp = self.client.get("/health")
        # positive: == inside assertTrue
        self.assertTrue(resp.status_code == 200)  # [TST001]
        # positive: != inside assertTrue
        self.assertTrue(resp.reason != "")  # [TST001]
        # positive: < inside assertTrue
        self.assertTrue(resp.elapsed < 2.0)  # [TST001]
        # positive: <= inside assertTrue
        self.assertTrue(len(resp.body) <= 1024)  # [TST001]
        # negative: > inside assertFalse (an ordering comparison's negation is no order)
        self.assertFalse(resp.retries > 0)
        # positive: >= inside assertTrue
        self.assertTrue(resp.version >= 2)  # [TST001]

    def test_payload(self):
        data = self.client.get("/orders/1").json()
        # positive: in
        self.assertTrue("id" in data)  # [TST001]
        # positive: not in
        self.assertTrue("password" not in data)  # [TST001]
        # positive: is (the message suggests assertIsNotNone for assertFalse)
        self.assertFalse(data.get("error") is None)  # [TST001]
        # positive: is not
        self.assertTrue(data.get("total") is not None)  # [TST001]

    def test_types(self):
        resp = self.client.get("/orders")
        # positive: isinstance() inside assertTrue
        self.assertTrue(isinstance(resp, Response))  # [TST001]
        # positive: isinstance() inside assertFalse
        self.assertFalse(isinstance(resp.body, str))  # [TST001]

    def test_messages(self):
        resp = self.client.get("/orders")
        # positive: a msg= keyword argument is kept by the fix
        self.assertTrue(resp.status_code == 200, msg="orders endpoint is down")  # [TST001]
        # positive: a positional msg argument
        self.assertFalse(resp.status_code in (500, 503), "server error")  # [TST001]
        # positive: the call spans several lines; the finding starts at `self`
        self.assertTrue(  # [TST001]
            resp.headers["Content-Type"] == "application/json"
        )
        # positive: the expression passed by its keyword (expr=)
        self.assertTrue(expr=resp.page == 1)  # [TST001]
        # positive: a parenthesised comparison
        self.assertTrue((resp.count == 10))  # [TST001]

    def test_not_flagged(self):
        resp = self.client.get("/orders")
        # negative: a chained comparison
        self.assertTrue(0 <= resp.elapsed < 5)
        # negative: and / or
        self.assertTrue(resp.ok and resp.status_code == 200)
        self.assertFalse(resp.status_code == 500 or resp.status_code == 503)
        # negative: not a comparison
        self.assertTrue(resp.ok)
        self.assertFalse(not resp.ok)
        self.assertTrue(all(item.price > 0 for item in resp.items))
        # negative: calls other than isinstance()
        self.assertTrue(hasattr(resp, "json"))
        self.assertTrue(issubclass(type(resp), Response))
        self.assertTrue(callable(resp.json))
        # negative: already the specific assertions
        self.assertEqual(resp.status_code, 200)
        self.assertIsInstance(resp, Response)
        # negative: a plain assert statement
        assert resp.status_code == 200
