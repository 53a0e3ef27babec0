"""BOM, CRLF, tabs, non-ASCII: fichiers temporaires."""
import os


def écrire(données):
	# positive: a non-ASCII path in /tmp, after a BOM, tabs, CRLF
	os.remove("/tmp/résumé.txt"); fh = open("/tmp/données-€.txt", "w")  # [SEC008, SEC008]
	fh.write(données)
