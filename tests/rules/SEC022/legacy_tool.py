# Python 2 file with a print statement
def show(msg):
    # positive: in a Python 2 file
    print "x‮y"  # [SEC022]
    print >>sys.stderr, `msg`
