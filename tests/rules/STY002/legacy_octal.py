# negative: `0755` is a Python 2 octal, so the file is Python 2
import os


class Keeper(object):
    def __init__(self, path):
        super(Keeper, self).__init__()
        os.chmod(path, 0755)
