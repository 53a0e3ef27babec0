# Python 2 settings module
print "loading legacy settings"
# positive: Python 2 file in a settings folder
DEBUG = True  # [SEC016]
