def report(a, b, c, d, e, f):  # [CPX003]
    print "report", a


def broken(:
    pass
