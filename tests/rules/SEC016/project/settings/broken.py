# a settings module with a syntax error elsewhere
# positive: before the error
DEBUG = True  # [SEC016]
INSTALLED_APPS = ["shop",, "orders"]
# positive: after the error
DEBUG = True  # [SEC016]
