"""Red-team cases: a call that does not parse (`x(1,, 2)`) between two intact functions."""


# positive: before the broken statement
def before(x):
    unused_a = x()  # [DED001]
    return 1


def middle(x):
    # negative: the broken statement
    unused_b = x(1,, 2)
    return 2


# positive: after the broken statement
def after(x):
    unused_c = x()  # [DED001]
    return 3
