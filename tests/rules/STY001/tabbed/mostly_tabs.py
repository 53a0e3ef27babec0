# a tab-indented file with one space-indented run
def f(x):
	if x:
		return 1
	return 0


def g(x):
    return x  # [STY001]


def h(x):
	y = x
	return y
