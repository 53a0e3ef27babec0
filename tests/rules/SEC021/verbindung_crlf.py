"""Verbindung: BOM, CRLF, Tabs."""
import paramiko


def verbinden(wirt):
	kunde = paramiko.SSHClient()
	gruß = "Grüße ✓"
	# positive: after a BOM, tabs, non-ASCII text
	kunde.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # [SEC021]
	return kunde, gruß
