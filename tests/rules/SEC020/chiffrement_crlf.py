"""Chiffrement : BOM, CRLF, tabulations."""
from Cryptodome.Cipher import DES


def chiffrer(clé, données):
	étiquette = "données protégées ✓"
	# positive: after a BOM, tabs and non-ASCII names
	return DES.new(clé, DES.MODE_CBC).encrypt(données), étiquette  # [SEC020]
