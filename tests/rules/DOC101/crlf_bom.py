"""Größe."""
class Größe:  # [DOC101]
	pass
