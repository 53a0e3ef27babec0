"""Totals."""


def total(rows):
    count = 0
	for row in rows:  # [STY001]
		count += row

	# a comment does not break the run
	count += 1
    return count


def mixed(rows):
    if rows:
	    return 1  # [STY001]
    return 0


def fine(rows):
    # negative: continuation lines and strings are not indentation
    value = call(1,
		2)
    text = """
	inside a string
"""
    return value, text  	# tabs after code are not indentation


class Holder:
    x = 1
	y = 2  # [STY001]
