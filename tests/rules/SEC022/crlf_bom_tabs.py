"""Windows file: BOM, CRLF, tabs, non-ASCII."""


def prüfen(größe):
	# positive: after tabs, non-ASCII text and a BOM: «‮»  # [SEC022]
	return "ä⁦ö"  # [SEC022]
