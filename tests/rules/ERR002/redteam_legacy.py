# Red-team cases in a Python 2 file (print statements, `except E, e`, `<>`, `0777`).
import logging
import os
import sys

log = logging.getLogger(__name__)


def read_state(path):
    try:
        return open(path).read()
    # positive: Exception in a tuple with a Python 2 binding
    except (IOError, Exception), e:  # [ERR002]
        print "read failed", e


def read_flags(path):
    try:
        return open(path).read()
    # positive: a print statement with a trailing comma and a bare `print`
    except Exception, e:  # [ERR002]
        print e,
        print


def read_mode(path):
    try:
        return os.stat(path).st_mode & 0777
    # positive: `print >>` and a logging call
    except BaseException, e:  # [ERR002]
        print >>sys.stderr, "stat failed: %s" % e
        log.error("stat failed")


def read_owner(path):
    try:
        return os.stat(path).st_uid
    # negative: the Python 2 `raise E, "msg"` handles it
    except Exception, e:
        raise IOError, "cannot stat %s" % path


def remove(path):
    try:
        os.unlink(path)
    # negative: Python 2 reads this as catching OSError and binding it to the name `Exception`
    except OSError, Exception:
        pass


def remove_all(paths):
    for path in paths:
        if path <> "":
            try:
                os.unlink(path)
            # positive: bare except with continue
            except:  # [ERR002]
                continue
