import os  # [DOC100]


def broken(:
    pass
