import os


def before(p):
    # positive: before the syntax error
    if os.path.exists(p):  # [SEC015]
        os.remove(p)


def broken(p):
    return os.path.join(p,, "x")


def after(p):
    # positive: after the syntax error
    if not os.path.isdir(p):  # [SEC015]
        os.mkdir(p)
