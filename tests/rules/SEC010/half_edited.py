"""A syntax error in one function; the rest is checked."""
import requests


def broken(url):
    # negative: inside the statement that does not parse
    return requests.get(url,, params={})


def fine(url):
    # positive: after the error
    return requests.delete(url)  # [SEC010]
