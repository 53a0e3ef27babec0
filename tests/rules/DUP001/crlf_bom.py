"""Größe."""


def a(x):
	x = "ä"
	y = x
	z = y
	w = z
	v = w
	u = v
	return u


def b(x):
	x = 'ä'  # [DUP001]
	y = x
	z = y
	w = z
	v = w
	u = v
	return None
