"""A syntax error in one function; the rest is checked."""
import tarfile


def broken(path, dest):
    tf = tarfile.open(path)
    # negative: inside the statement that does not parse
    tf.extractall(dest,, 1)


def fine(path, dest):
    tf = tarfile.open(path)
    # positive: after the error
    tf.extractall(dest)  # [SEC011]
