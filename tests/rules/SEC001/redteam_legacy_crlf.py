# Python 2 module with CRLF line ends and tab indentation.
import MySQLdb


def lookup(cur, uid):
	print "looking up", uid
	# positive: CRLF, tabs, Python 2 print statement
	cur.execute("SELECT * FROM users WHERE id = %s" % uid)  # [SEC001]
	if uid <> 0:
		# negative: literal SQL
		cur.execute("SELECT count(*) FROM users")
