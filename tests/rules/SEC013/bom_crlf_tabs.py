"""BOM, CRLF, tabs, non-ASCII: serveur."""
import socket


def écouter(port):
	# positive: tab-indented, CRLF, non-ASCII text before it, after a BOM
	nom = "été €"; s = socket.socket(); s.bind(("0.0.0.0", port))  # [SEC013]
	return s, nom
