import os


def before(path):
    # positive: before the syntax error
    os.chmod(path, 0o666)  # [SEC014]


def broken(path):
    os.chmod(path,, 0o777)


def after(path):
    # positive: after the syntax error
    os.makedirs(path, 0o777)  # [SEC014]
