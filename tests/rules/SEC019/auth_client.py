"""Client of the authentication service."""
import logging

import structlog

logger = logging.getLogger(__name__)
LOG = logging.getLogger("auth")
log = structlog.get_logger()

DB_PASSWORD = "from-the-environment"


def mask_password(value):
    return value[:2] + "***"


def login(user, password):
    # positive: a password passed as a %-style argument
    logger.info("login %s with %s", user, password)  # [SEC019]
    # negative: masked
    logger.info("login %s with %s", user, mask_password(password))
    # negative: the word appears only in the message text
    logger.info("password accepted for %s", user)
    # positive: the module-level constant, upper case
    LOG.debug("database password is %s", DB_PASSWORD)  # [SEC019]


class Session:
    def __init__(self, client):
        self.client = client
        self.access_token = None
        self._logger = logging.getLogger("session")

    def refresh(self):
        self.access_token = self.client.refresh()
        # positive: an f-string field naming a token attribute
        self._logger.debug(f"refreshed token {self.access_token}")  # [SEC019]
        # negative: the receiver's other attributes
        self._logger.debug(f"refreshed for {self.client.user}")
        # negative: a call is not a name (len of the token)
        self._logger.debug("token length %d", len(self.access_token))

    def describe(self, request, max_tokens):
        # negative: names of metadata about a secret (its type, a count), not the secret
        self._logger.debug("dispatching %s, limit %d", request.token_type, max_tokens)
        # positive: the refresh token itself, next to a harmless argument
        self._logger.debug("refreshing %s for %r", request.refresh_token, request.client)  # [SEC019]

    def store(self, api_key, client_secret):
        # positive: structured logging keyword arguments (structlog)
        log.info("stored", key=api_key)  # [SEC019]
        # positive: logging.warning called on the module
        logging.warning("secret rotated: %s", client_secret)  # [SEC019]
        # negative: exc_info and extra are the logging module's own keywords
        logger.error("store failed", exc_info=True, extra={"user": self.client.user})

    def fail(self, credentials):
        # positive: exception() and a multi-line call
        logger.exception(  # [SEC019]
            "cannot use %r",
            credentials,
        )
        # negative: print and other receivers are not logging calls
        print("credentials", credentials)
        self.client.info(credentials)
