"""BOM, CRLF, tabs, non-ASCII: factures."""
import xml.etree.ElementTree as ET


def lire(données):
	# positive: tab-indented, CRLF, non-ASCII names, after a BOM
	résumé = "été"; racine = ET.fromstring(données)  # [SEC012]
	return racine, résumé
