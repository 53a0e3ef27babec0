"""Sending mail."""


def send(host, port, user, password, subject, body):  # [CPX003]
    return host, port, user, password, subject, body


async def send_async(host, port, /, user, *, password, subject, body=""):  # [CPX003]
    return host


def typed(host: str, port: int, user: str = "", password: str = "", subject: str = "", body: str = ""):  # [CPX003]
    return host


class Mailer:
    def __init__(self, host, port, user, password, subject, body):  # [CPX003]
        self.host = host

    # negative: self, *args and **kwargs do not count; exactly five is fine
    def connect(self, host, port, user, password, timeout):
        return host

    def splat(self, a, b, c, d, *args: int, e=1, f=2, **kwargs: str):  # [CPX003]
        return a

    def five(self, a, b, c, d, *args, e, **kwargs):
        return a

    @staticmethod
    def static(a, b, c, d, e, f):  # [CPX003]
        return a

    @classmethod
    def build(cls, a, b, c, d, e):
        return cls


# negative: five parameters, and lambdas are never checked
def five(a, b, c, d, e):
    handler = lambda a, b, c, d, e, f, g: a
    return handler


def outer():
    def nested(a, b, c, d, e, f):  # [CPX003]
        return a
    return nested
