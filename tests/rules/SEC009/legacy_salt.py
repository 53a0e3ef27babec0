# Python 2 module (print statement, long suffix): the rule still applies.
import random

MAX = 10L


def make_salt():
    print "making salt"
    # positive: Python 2 file, return in a function named make_salt
    return "".join([random.choice("abcdef0123456789") for i in xrange(16)])  # [SEC009]
