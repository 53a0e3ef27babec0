# Python 2 report script (print statements, `except E, e`): the rule still applies.
import sys


def banner(width):
    # positive: a loop counter never read, in a Python 2 file
    for i in xrange(3):  # [DED003]
        print "=" * width


def dump(rows):
    # positive: the unused part of a tuple target, in a Python 2 file
    for key, value in rows:  # [DED003]
        print value,
    print


def main(path):
    try:
        rows = [line.split("\t") for line in open(path)]
    except IOError, e:
        print >>sys.stderr, "cannot read", path, e
        return 1
    # negative: both names are read by a print statement
    for name, count in rows:
        print "%-20s %s" % (name, count)
    return 0
