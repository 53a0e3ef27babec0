def first():
    return 1
    dead()  # [DED004]


def broken(:
    return 2
