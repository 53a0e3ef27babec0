"""Einstellungen: BOM, CRLF, Umlaute."""
SITE_NAME = "Café Größe ✓"

# positive: BOM and CRLF
DEBUG = True  # [SEC016]
if SITE_NAME:
	# positive: module level inside an if, tab-indented
	DEBUG = True  # [SEC016]
