"""Django settings for the shop project."""
import os

BASE_DIR = os.path.dirname(os.path.abspath(__file__))

# positive: debug on in the settings module
DEBUG = True  # [SEC016]

# positive: a chained assignment that sets DEBUG
DEBUG = TEMPLATE_DEBUG = True  # [SEC016]

# negative: from the environment
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"

# negative: other names
TEMPLATE_DEBUG = True
DEBUG_TOOLBAR = True


def enable_debug(settings):
    # negative: not module level
    DEBUG = True
    return DEBUG


class Dev:
    # negative: a class attribute, not module level
    DEBUG = True
