from markupsafe import Markup


def before(x):
    # positive: before the syntax error
    return Markup(x)  # [SEC017]


def broken(x):
    return Markup(x,,)


def after(x):
    # positive: after the syntax error
    return Markup(x)  # [SEC017]
