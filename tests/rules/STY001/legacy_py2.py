def report(x):
    print "x", x
    y = x
	return y  # [STY001]


def broken(:
    pass
