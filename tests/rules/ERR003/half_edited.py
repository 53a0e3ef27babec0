def before(value):
    try:
        return int(value)
    except ValueError:
        # positive: before the syntax error
        raise TypeError(value)  # [ERR003]


def broken(value):
    return [value,, 1]


def after(value):
    try:
        return int(value)
    except ValueError:
        # positive: after the syntax error
        raise TypeError(value)  # [ERR003]
