# Python 2 module (print statement, backticks): the rule still applies.
import md5 as _unused
import hashlib


def checksum(path):
    data = open(path).read()
    print "checksum of", `path`
    # positive: hashlib.sha1 in Python 2
    return hashlib.sha1(data).hexdigest()  # [SEC006]
