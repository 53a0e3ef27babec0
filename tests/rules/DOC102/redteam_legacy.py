# positive: Python 2 print statements count
def report(rows):  # [DOC102]
    print "header"
    for row in rows:
        print row
    print >>sys.stderr, "done"
    return len(rows)


# positive: after a Python 2 except clause
def load(path):  # [DOC102]
    try:
        data = open(path).read()
    except IOError, e:
        data = ""
    print data
    return data
