# Python 2 module with CRLF line ends and tab indentation.
def run(code, namespace):
	print "running", len(code)
	# negative: a literal exec statement
	exec "import os" in namespace
	# positive: eval of a parameter, after a tab
	return eval(code)  # [SEC003]
