def größe(a, b, c,  # [CPX003]
		d, e, f):
	return a
