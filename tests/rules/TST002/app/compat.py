"""Not test code: helpers of the application that happen to share the names."""


class Checker:
    def assertEquals(self, a, b):
        return a == b


def run(checker):
    # negative: outside test code the rule does not run
    return checker.assertEquals(1, 1)


class LegacyCase(object):
    pass


class CompatTestCase(LegacyCase):
    # negative: a class named like a test base but not one, in a non-test file
    def test_it(self):
        self.assertEquals(1, 1)
