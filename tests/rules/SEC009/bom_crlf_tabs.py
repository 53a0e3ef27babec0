"""BOM, CRLF, tabs, non-ASCII names: jetons."""
import random


def créer(utilisateur):
	# positive: a non-ASCII first word part, tab-indented, CRLF, after a BOM
	utilisateur.clé_token = "é" + str(random.random())  # [SEC009]
	return utilisateur
