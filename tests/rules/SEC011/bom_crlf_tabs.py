"""BOM, CRLF, tabs, non-ASCII: archives."""
import tarfile


def déballer(archive, répertoire):
	# positive: tab-indented, CRLF, non-ASCII names, after a BOM
	with tarfile.open(archive) as târ:
		nom = "été"; târ.extractall(répertoire)  # [SEC011]
