def before():
    # positive: before the syntax error ⁩  # [SEC022]
    return 1


def broken(a):
    return f(a,, 2)


def after():
    # positive: after the syntax error
    return "⁧x"  # [SEC022]
