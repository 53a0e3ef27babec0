"""Konten: BOM, CRLF, Tabs."""


def abheben(konto, betrag_größe):
	# positive: a non-ASCII parameter name after tabs and a BOM
	assert betrag_größe > 0, "Betrag muss positiv sein ✓"  # [SEC018]
	konto.stand -= betrag_größe
