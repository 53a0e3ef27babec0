"""A typed service module with gaps."""
from typing import overload


def fetch(url: str, timeout) -> bytes:  # [TYP001]
    return b""


def store(key: str, value: bytes, ttl=60) -> None:  # [TYP001]
    pass


class Client:
    def __init__(self, host, port: int = 80):  # [TYP001]
        self.host = host

    def send(self, *args, payload: bytes, **kwargs) -> int:
        # negative: self, *args and **kwargs
        return 0

    @staticmethod
    def parse(text) -> str:  # [TYP001]
        return text

    @overload
    def get(self, key: int) -> int: ...

    def _private(self, x):
        # negative: private methods
        return x


class _Hidden:
    def show(self, x) -> None:
        # negative: a method of a private class
        pass


def outer(a: int) -> int:
    def inner(b):
        # negative: nested functions are not public
        return b
    handler = lambda c: c
    return inner(a) + handler(a)
