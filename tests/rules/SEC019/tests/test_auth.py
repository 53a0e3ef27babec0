"""SEC019 runs in tests too."""
import logging

logger = logging.getLogger(__name__)


def test_login(password):
    # positive: in a test file
    logger.debug("using %s", password)  # [SEC019]
