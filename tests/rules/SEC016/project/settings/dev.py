"""Development settings: a module inside a settings folder."""
from .base import *  # noqa

# positive: inside a settings folder
DEBUG = True  # [SEC016]
ALLOWED_HOSTS = ["*"]
