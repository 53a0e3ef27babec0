"""BOM, CRLF, tabs, non-ASCII: téléchargement."""
import requests


def télécharger(adresse):
	# positive: after a BOM, tab-indented, CRLF, non-ASCII text before it
	réponse = requests.post(adresse, data="données €", verify=False)  # [SEC007]
	return réponse
