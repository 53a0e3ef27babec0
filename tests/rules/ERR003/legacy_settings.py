# negative: a Python 2 file (print statement, raise E, "msg"): ERR003 is off here
def parse(value):
    try:
        return int(value)
    except ValueError, e:
        print "bad value", value
        raise ConfigError("bad value")


def other(value):
    try:
        return float(value)
    except ValueError:
        raise ConfigError, "bad float"
