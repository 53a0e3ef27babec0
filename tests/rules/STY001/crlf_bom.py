"""Größe."""


def größe(x):
    y = "ä"
    z = y
	return x  # [STY001]
