"""Journal: BOM, CRLF, tabs, non-ASCII."""


def écrire(journal, entrée):
	try:
		journal.append(entrée)
	finally:
		journal.close()  # « fermé »
		# positive: tabs, CRLF and a BOM
		return "écrit ✓"  # [ERR004]
