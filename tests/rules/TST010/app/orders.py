"""Application code: not test code, nothing is flagged."""


class Order:
    def __init__(self, total):
        self.total = total

    def test_total(self):
        # negative: a method named test_* of a class that is not a test class, in a non-test file
        self.total == 0


def test_helper():
    # negative: a module-level test_* function of a non-test file is not a test function
    1 == 1


class OrderTestCase(object):
    def test_fake(self):
        # negative: a base named object, not a test base
        2 == 2


def total_of(items):
    return sum(items)
