def report(x):  # [CPX002]
    print "x", x
    if x and x and x and x and x and x and x and x and x and x:
        pass


def broken(:
    pass
