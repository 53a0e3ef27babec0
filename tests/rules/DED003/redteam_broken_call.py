"""Red-team cases: a call that does not parse (`print(b,, 1)`) between two intact functions."""


# positive: before the broken statement
def before(items, work):
    for a in items:  # [DED003]
        work()


def middle(items):
    # negative: the read is inside a broken statement
    for b in items:
        print(b,, 1)


# positive: after the broken statement
def after(items, work):
    for c in items:  # [DED003]
        work()
