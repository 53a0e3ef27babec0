"""Größe."""


def größe(wert, faktor: float) -> float:  # [TYP001]
	return wert * faktor
