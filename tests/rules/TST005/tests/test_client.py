"""Client tests that patch by hand."""
import unittest
from unittest import mock
from unittest.mock import patch

import fixtures

from app.client import Client


class LeakyTests(unittest.TestCase):
    def setUp(self):
        self.fetch_patcher = mock.patch("app.client.fetch")
        self.fetch = self.fetch_patcher.start()  # [TST005]
        self.env_patcher = patch.dict("os.environ", {"MODE": "test"})
        self.env_patcher.start()  # [TST005]

    def test_local(self):
        p = patch.object(Client, "connect")
        p.start()  # [TST005]
        self.assertTrue(Client().ready)

    def test_chained(self):
        mock.patch("app.client.sleep").start()  # [TST005]
        self.assertTrue(Client().ready)

    def test_multiple(self):
        many = mock.patch.multiple("app.client", fetch=mock.DEFAULT, sleep=mock.DEFAULT)
        many.start()  # [TST005]
        self.assertTrue(Client().ready)

    def test_open(self):
        fh = open("fixtures/data.json")  # [TST005]
        self.assertTrue(fh.read())


class StoppedTests(unittest.TestCase):
    def setUp(self):
        # negative: stopped in tearDown (same class), or by addCleanup
        self.fetch_patcher = mock.patch("app.client.fetch")
        self.fetch_patcher.start()
        self.sleep_patcher = mock.patch("app.client.sleep")
        self.sleep_patcher.start()
        self.addCleanup(self.sleep_patcher.stop)
        p = patch.object(Client, "connect")
        p.start()
        self.addCleanup(p.stop)
        q = patch.object(Client, "close")
        q.start()
        q.stop()

    def tearDown(self):
        self.fetch_patcher.stop()

    def test_decorator_and_with(self):
        # negative: decorator and `with` patchers stop themselves; useFixture is fine
        with mock.patch("app.client.fetch") as fetch:
            self.assertTrue(Client().ready)
            fetch.assert_not_called()
        self.useFixture(fixtures.MockPatch("app.client.sleep"))

    @mock.patch("app.client.fetch")
    def test_decorated(self, fetch):
        self.assertTrue(Client().ready)

    def test_files(self):
        # negative: closed, used in `with`, handed to addCleanup
        a = open("a.txt")
        a.close()
        b = open("b.txt")
        with b:
            self.assertTrue(b.read())
        c = open("c.txt")
        self.addCleanup(c.close)
        self.assertTrue(c)

    def test_not_a_patcher(self):
        # negative: `start()` on something that is not a patcher
        server = Client()
        server.start()
        self.thread = Client()
        self.thread.start()
        self.assertTrue(server.ready)


class StopAllTests(unittest.TestCase):
    def setUp(self):
        # negative: mock.patch.stopall in the class stops them all
        self.addCleanup(mock.patch.stopall)
        mock.patch("app.client.fetch").start()
        self.p = mock.patch("app.client.sleep")
        self.p.start()
        local = mock.patch("app.client.connect")
        local.start()

    def test_it(self):
        self.assertTrue(Client().ready)


class TearDownStopAll(unittest.TestCase):
    def setUp(self):
        mock.patch("app.client.fetch").start()

    def tearDown(self):
        # negative: stopall in tearDown
        patch.stopall()

    def test_it(self):
        self.assertTrue(Client().ready)


class ExpectedFailures(unittest.TestCase):
    def test_bad_spec(self):
        # negative: the start is expected to raise, so nothing is started
        with self.assertRaises(AttributeError):
            mock.patch.object(Client, "missing").start()

    def test_mocked_open(self):
        # negative: `open` itself is a mock here
        with patch("builtins.open", mock.mock_open(read_data="x")):
            fh = open("anything")
            self.assertEqual(fh.read(), "x")

    @patch("builtins.open", new_callable=mock.mock_open)
    def test_decorated_mocked_open(self, mocked):
        # negative: a decorator patches `open`
        fh = open("anything")
        self.assertTrue(fh)

    def test_dropped(self):
        # negative: dropped on purpose (the test checks the ResourceWarning)
        fh = open("x.txt")
        fh = None
        self.assertIsNone(fh)


def read_fixture(name):
    # negative: returned to the caller
    fh = open(name)
    return fh


def fixture_file():
    # negative: yielded (a pytest fixture), closed after
    fh = open("x.txt")
    yield fh
    fh.close()


def leaky_helper():
    fh = open("log.txt", "w")  # [TST005]
    fh.write("x")
