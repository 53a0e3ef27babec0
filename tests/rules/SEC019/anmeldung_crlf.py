"""Anmeldung: BOM, CRLF, Tabs."""
import logging

logger = logging.getLogger("anmeldung")


def anmelden(benutzer, password_größe):
	# positive: a non-ASCII name containing password, after tabs and a BOM
	logger.info("Anmeldung für %s ✓ %s", benutzer, password_größe)  # [SEC019]
