def before(x):
    # positive: before the syntax error
    assert x  # [SEC018]


def broken(x):
    return [x,, 1]


def after(y):
    # positive: after the syntax error
    assert y is not None  # [SEC018]
