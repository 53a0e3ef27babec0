# Python 2 module
import os


def purge(path):
    print "purging", path
    # positive: a Python 2 file
    if os.path.isfile(path):  # [SEC015]
        os.unlink(path)
