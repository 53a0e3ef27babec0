"""A module that binds `hashlib` itself: not the standard module."""


class hashlib:
    @staticmethod
    def md5(data):
        return data


def local_shadow(data):
    # negative: `hashlib` is the file's own class
    return hashlib.md5(data)


def local_variable(data, factory):
    # negative: a local named md5
    md5 = factory
    return md5(data)
