"""Application code: not test code."""


class Store:
    ready = True
    closed = True
    reopened = False
    temporary = False

    def __init__(self, path=None):
        self.path = path

    def close(self):
        pass

    def drop(self, name):
        pass

    def register(self, stack):
        # negative: not test code
        stack.callback(self.close)
        stack.callback(self.close)


def connect(path):
    return Store(path)
