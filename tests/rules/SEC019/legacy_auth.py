# Python 2 module
import logging
log = logging.getLogger(__name__)


def connect(user, passwd):
    print "connecting", user
    # positive: a Python 2 file
    log.info("connecting %s:%s", user, passwd)  # [SEC019]
