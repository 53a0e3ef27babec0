"""Half edited."""


def ok(a: int, b) -> int:  # [TYP001]
    return a


def broken(:
    pass
