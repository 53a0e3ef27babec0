def report(x):
    print "value", x
    return x
    print "never"  # [DED004]
