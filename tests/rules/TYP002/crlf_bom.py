"""Größe."""


def größe(wert: float):  # [TYP002]
	return wert
