"""Speicher: BOM, CRLF, Tabs."""
import os


def löschen(größe_pfad):
	name = "Größe ✓"
	# positive: after a BOM, tabs and non-ASCII names
	if os.path.exists(größe_pfad):  # [SEC015]
		os.remove(größe_pfad)
	return name
