"""Pfade: BOM, CRLF, Tabs, Umlaute."""
import os


def verzeichnis_anlegen(pfad_größe):
	name = "Größe-Übersicht"
	# positive: after a BOM, tabs and non-ASCII text
	os.makedirs(pfad_größe + name, 0o777)  # [SEC014]
	# negative: 0o750
	os.makedirs(pfad_größe + "ä", 0o750)
