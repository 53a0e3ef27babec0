"""HTTP clients."""


class BaseClient(object):
    def __init__(self, url):
        self.url = url


class Client(BaseClient):
    def __init__(self, url, retries=3):
        super(Client, self).__init__(url)  # [STY002]
        self.retries = retries

    @classmethod
    def create(cls, url):
        return super(Client, cls).__new__(cls)  # [STY002]

    def close(this):
        super(Client, this).close()  # [STY002]

    def send(self, *args):
        return super(  # [STY002]
            Client,
            self,
        ).send(*args)

    class Retry(object):
        def __init__(self):
            super(Retry, self).__init__()  # [STY002]

    # negative: another class, another object, nested scopes, static methods
    def reset(self):
        super(BaseClient, self).reset()
        super(Client, other).reset()
        super().reset()
        handler = lambda: super(Client, self).reset()
        results = [super(Client, self).get(k) for k in range(2)]

        def inner():
            return super(Client, self).reset()
        return handler, results, inner

    @staticmethod
    def make(self):
        return super(Client, self).make()


def outside(self):
    # negative: not a method
    return super(Client, self).run()
