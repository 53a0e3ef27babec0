# negative: a settings module inside a tests folder is test code
DEBUG = True
