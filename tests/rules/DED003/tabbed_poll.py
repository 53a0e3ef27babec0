"""Polling helper (this file is indented with tabs)."""
import time


def wait_until(predicate, timeout):
	deadline = time.monotonic() + timeout
	# positive: a tab-indented loop whose counter is never read
	for tick in range(int(timeout * 10)):  # [DED003]
		if predicate() or time.monotonic() > deadline:
			return True
		time.sleep(0.1)
	return False


def count_lines(fh):
	n = 0
	# negative: a _-prefixed loop variable
	for _line in fh:
		n += 1
	return n
