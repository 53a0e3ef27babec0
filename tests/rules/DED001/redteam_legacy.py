# Red-team cases in a Python 2 file (print statements, `except E, e`, backticks, `10L`).
import sys


def read_config(path):
    try:
        return open(path).read()
    # positive: Python 2 except binding never read
    except IOError, exc:  # [DED001]
        print >>sys.stderr, "cannot read", path
        return None


def read_other(path):
    try:
        return open(path).read()
    # negative: read by a print statement
    except (IOError, OSError), exc:
        print "failed:", exc
        return None


def report(rows):
    # positive: unused local in a py2 file
    header = "%-10s" % "name"  # [DED001]
    count = len(rows)
    print "rows:", count
    print >>sys.stderr, `rows`


def shout(msg):
    # negative: read by `print >>`, and a name read by return
    out = sys.stderr
    print >>out, msg
    value = 10L
    return value
