# Python 2 module (print statement, backticks): the rule still applies.
from xml.dom import minidom


def load(fh):
    print "loading", `fh`
    # positive: Python 2 file
    return minidom.parse(fh)  # [SEC012]
