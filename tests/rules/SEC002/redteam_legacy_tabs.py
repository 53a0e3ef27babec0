# Python 2 module with CRLF line ends and tab indentation.
import os


def purge(directory):
	print "purging", directory
	# positive: CRLF, tabs, Python 2 print statement
	os.system("rm -rf %s/*" % directory)  # [SEC002]
	# negative: a literal command (0777 is Python 2 syntax)
	os.system("sync")
	os.chmod(directory, 0777)
