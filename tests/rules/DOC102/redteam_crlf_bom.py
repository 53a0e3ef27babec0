# positive: BOM and CRLF line ends
def crlf(a):  # [DOC102]
    a += 1
    a += 2
    a += 3
    a += 4
    return a


class K:
	"""K."""

	# positive: a tab-indented method
	def m(self, a):  # [DOC102]
		a += 1
		a += 2
		a += 3
		a += 4
		return a
