# Python 2 daemon module (print statements, `except E, e`): the rule still applies.
import os
import sys


def read_pid(path):
    try:
        return int(open(path).read())
    # positive: `except Exception, e` holding only a print statement
    except Exception, e:  # [ERR002]
        print "could not read pid file", path, e


def remove_pid(path):
    try:
        os.unlink(path)
    # negative: a specific exception, Python 2 syntax
    except OSError, e:
        pass


def daemonize():
    try:
        pid = os.fork()
    # negative: the handler exits
    except OSError, e:
        print >>sys.stderr, "fork failed: %d (%s)" % (e.errno, e.strerror)
        sys.exit(1)
    if pid > 0:
        sys.exit(0)


def close_log(fh):
    try:
        fh.close()
    # positive: `except Exception, e:` holding only pass
    except Exception, e:  # [ERR002]
        pass


def write_line(fh, line):
    try:
        fh.write(line)
    # positive: bare except with a `print >>` statement
    except:  # [ERR002]
        print >>sys.stderr, "write failed"
