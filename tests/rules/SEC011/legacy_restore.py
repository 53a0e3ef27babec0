# Python 2 module (print statement, `except E, e`): the rule still applies.
import tarfile


def restore(path, dest):
    try:
        backup = tarfile.open(path)
    except IOError, e:
        print "cannot open", e
        return
    # positive: Python 2 file
    backup.extractall(dest)  # [SEC011]
