"""BOM, CRLF, tabs, non-ASCII: taux de change."""
import requests


def taux(devise):
	# positive: non-ASCII text before the call, tab-indented, CRLF, after a BOM
	résultat = "€"; r = requests.get("https://taux.example/" + devise + "/€")  # [SEC010]
	return r, résultat
