def report(items):
    for l in items:  # [NAM003]
        print "line", l


def broken(:
    pass
