# negative: a file indented with tabs throughout
def f(x):
	if x:
		return 1
	return 0
