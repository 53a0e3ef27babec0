# Python 2 module (print statement, `<>`): the rule still applies.
import ssl
import urllib2


def open_url(url):
    if url <> "":
        print "opening", url
    # positive: the unverified context in Python 2
    ctx = ssl._create_unverified_context()  # [SEC007]
    return urllib2.urlopen(url, context=ctx)
