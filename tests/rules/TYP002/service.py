"""A typed service module with gaps."""
from typing import overload


def fetch(url: str, timeout: float):  # [TYP002]
    return b""


def store(key: str) -> None:
    pass


def untyped(key):  # [TYP002]
    pass


class Client:
    def __init__(self, host: str):
        # negative: __init__ needs no return annotation
        self.host = host

    def __enter__(self):  # [TYP002]
        return self

    async def send(self, payload: bytes):  # [TYP002]
        return 0

    @overload
    def get(self, key: int): ...  # [TYP002]

    def _private(self, x: int):
        # negative: private methods
        return x


def outer(a: int) -> int:
    def inner(b):
        # negative: nested functions are not public
        return b
    return inner(a)
