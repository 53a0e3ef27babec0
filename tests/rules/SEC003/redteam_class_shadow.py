"""A class named exec shadows the builtin in the whole file."""


class exec:
    def __init__(self, command):
        self.command = command


def job(command):
    # negative: exec is this file's class
    return exec(command)
