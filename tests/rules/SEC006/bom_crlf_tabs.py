"""BOM, CRLF, tabs, non-ASCII: empreintes des fichiers."""
import hashlib


def empreinte(données):
	# positive: tab-indented, after a BOM, CRLF, non-ASCII names
	été = "résumé"; h = hashlib.md5(données + été.encode())  # [SEC006]
	return h.hexdigest()
