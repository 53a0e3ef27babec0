"""A syntax error in one function; the rest is checked."""
import hashlib


def broken(data):
    # negative: inside the statement that does not parse
    return hashlib.md5(data,, 1)


def fine(data):
    # positive: after the error
    return hashlib.sha1(data).digest()  # [SEC006]
