# Red-team cases in a Python 2 file (print statements, `xrange`, `0777`).
import sys


def dump(d):
    # positive: iteritems with one unused part
    for k, v in d.iteritems():  # [DED003]
        print k


def show(d):
    # negative: read by a print chevron statement
    for k in d:
        print >>sys.stderr, k
    # positive: a counter never read
    for n in xrange(3):  # [DED003]
        print "x"
    return 0777
