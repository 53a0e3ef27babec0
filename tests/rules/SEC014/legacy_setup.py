# Python 2 installer: octal literals with a leading zero, print statements.
import os


def install(path):
    print "installing", path
    # positive: Python 2 octal literal
    os.chmod(path, 0777)  # [SEC014]
    # positive: Python 2 long octal literal
    os.mkdir(path + ".d", 0775L)  # [SEC014]
    # negative: Python 2 0755
    os.chmod(path, 0755)
