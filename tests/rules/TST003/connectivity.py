"""Connection helpers (this is not a test file)."""
import socket
import unittest


# negative: a module-level function of a non-test file is never a test function
def test_connection(host, port):
    socket.create_connection((host, port), timeout=2).close()


class SelfTest(unittest.TestCase):
    # positive: a test class in a non-test file; its same-file helper asserts nothing
    def test_localhost(self):  # [TST003]
        test_connection("127.0.0.1", 22)

    # negative: it asserts
    def test_resolve(self):
        self.assertTrue(socket.gethostbyname("localhost"))


class TestTools:
    # negative: a class named Test... is a test class only in a test file
    def test_ping(self):
        test_connection("example.org", 80)
