def one():
    print "a"
    print "b"
    print "c"
    print "d"
    print "e"
    print "f"


def two():
    print "a"  # [DUP001]
    print "b"
    print "c"
    print "d"
    print "e"
    print "f"


def broken(:
    pass
