# -*- coding: utf-8 -*-
# Python 2 module: print statement, except E, e; the rule still applies.
import urllib2

SMTP_PASSWORD = "mäil-2019"  # [SEC005]


def send(msg):
    try:
        conn = urllib2.urlopen("https://mail.example.com", timeout=5)
    except IOError, e:
        print "cannot send", e
        return None
    # positive: a u"" string keyword in Python 2
    return conn.send(msg, api_key=u"legacy-0042")  # [SEC005]
