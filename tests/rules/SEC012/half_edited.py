"""A syntax error in one function; the rest is checked."""
import xml.etree.ElementTree as ET


def broken(body):
    # negative: inside the statement that does not parse
    return ET.fromstring(body,, None)


def fine(body):
    # positive: after the error
    return ET.XML(body)  # [SEC012]
