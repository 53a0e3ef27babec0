"""Application code: asserts here are not test code."""


class Inventory:
    broken = False

    def count(self, name):
        # negative: not test code
        assert True
        return 3

    def ready(self):
        return True
