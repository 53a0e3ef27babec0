"""Application code: not test code."""
from unittest import mock


class Client:
    ready = True

    def connect(self):
        pass

    def close(self):
        pass

    def start(self):
        # negative: not test code
        mock.patch("app.client.fetch").start()
        fh = open("x")
        return None


def fetch():
    return 1


def sleep():
    return 0
