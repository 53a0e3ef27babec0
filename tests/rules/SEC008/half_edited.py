"""A syntax error in one function; the rest is checked."""
import tempfile


def broken():
    # negative: inside the statement that does not parse
    return tempfile.mktemp(suffix=".x",, dir="/srv")


def fine():
    # positive: after the error
    return tempfile.mktemp(prefix="job-")  # [SEC008]
