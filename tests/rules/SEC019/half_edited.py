import logging
logger = logging.getLogger(__name__)


def before(token):
    # positive: before the syntax error
    logger.info("token %s", token)  # [SEC019]


def broken(token):
    logger.info("token %s",, token)


def after(secret):
    # positive: after the syntax error
    logger.warning("secret %s", secret)  # [SEC019]
