# Python 2 module (print statement, 0777 octal): the rule still applies.
import os


def prepare():
    os.chmod("/srv/app", 0777)
    print "preparing"
    # positive: os.tmpnam and a fixed path in Python 2
    name = os.tmpnam()  # [SEC008]
    return open("/tmp/legacy.pid", "w")  # [SEC008]
