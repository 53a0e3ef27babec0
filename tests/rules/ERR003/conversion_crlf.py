"""Conversion: BOM, CRLF, tabs, non-ASCII."""


class ErreurDeConversion(Exception):
	pass


def convertir(valeur):
	try:
		return int(valeur)
	except ValueError as e:
		# positive: a non-ASCII message, tabs, CRLF, BOM
		raise ErreurDeConversion(f"valeur « {valeur} » invalide")  # [ERR003]


def größe(x):
	try:
		return len(x)
	except TypeError as Fehler:
		# negative: re-raising the bound name
		raise Fehler
