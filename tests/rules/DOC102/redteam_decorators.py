"""Decorators that exempt a function, and some that do not."""
import functools
import typing as t
from typing import overload as ov
from typing import override as ovr


# negative: an @overload stub through a module alias
@t.overload
def parse(a: int) -> int:
    a += 1
    a += 2
    a += 3
    a += 4
    return a


# negative: @overload imported under another name
@ov
def parse(a: str) -> str:
    a += 1
    a += 2
    a += 3
    a += 4
    return a


# positive: the implementation behind the stubs
def parse(a):  # [DOC102]
    a += 1
    a += 2
    a += 3
    a += 4
    return a


class Config:
    """Config."""

    # positive: functools.cached_property is a getter, not a setter or deleter
    @functools.cached_property
    def settings(self):  # [DOC102]
        a = 1
        a += 2
        a += 3
        a += 4
        return a

    # negative: @override imported under another name
    @ovr
    def load(self, a):
        a += 1
        a += 2
        a += 3
        a += 4
        return a
