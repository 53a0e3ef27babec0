"""Vues : BOM, CRLF, tabulations."""
from django.utils.safestring import mark_safe


def étiquette(libellé):
	texte = "« %s » ✓"
	# positive: after a BOM, tabs and non-ASCII names
	return mark_safe(texte % libellé)  # [SEC017]
