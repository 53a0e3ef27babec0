"""Half edited."""


def ok(a: int):  # [TYP002]
    return a


def broken(:
    pass
