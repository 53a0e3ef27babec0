# Python 2 module (print statement, `except E, e`): the rule still applies.
import requests


def ping(url):
    try:
        # positive: Python 2 file
        return requests.head(url)  # [SEC010]
    except requests.RequestException, e:
        print "ping failed", e
