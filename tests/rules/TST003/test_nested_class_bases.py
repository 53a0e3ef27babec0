# Classes defined inside a test whose methods reach a base defined at module
# level: the search for the method goes on in that base, over the whole file.
import unittest


class FakeDomain:
    def __init__(self, xml=None):
        self.xml = xml

    def describe(self):
        return self.xml


class CheckingDomain:
    def __init__(self):
        self.confirm_created()

    def confirm_created(self):
        assert self.created


class CheckingChild(CheckingDomain):
    pass


class DomainTests(unittest.TestCase):
    # positive: the nested class's super().__init__ is a base's that asserts nothing
    def test_plain_base(self):  # [TST003]
        class FailingDomain(FakeDomain):
            def __init__(self):
                super().__init__()

            def describe(self):
                raise RuntimeError("down")

        FailingDomain().describe()

    # negative: super().__init__ reaches a module-level base that asserts
    def test_checking_base(self):
        class Created(CheckingDomain):
            created = True

            def __init__(self):
                super(Created, self).__init__()

        Created()

    # negative: self.confirm_created() is the module-level base's, which asserts
    def test_inherited_helper(self):
        class Probe(CheckingDomain):
            created = True

            def run(self):
                self.confirm_created()

        Probe().run()

    # negative: two bases up, through a module-level class
    def test_grand_base(self):
        class Probe(CheckingChild):
            created = True

            def run(self):
                self.confirm_created()

        Probe().run()

    # negative: the method is passed, and the module-level base's asserts
    def test_passed_helper(self):
        class Batch(CheckingDomain):
            created = True

            def run(self, rows):
                return list(map(self.confirm_created, rows))

        Batch().run([1])

    # positive: the base binds the name to data, not to a def
    def test_base_data(self):  # [TST003]
        class Quiet(FakeDomain):
            def run(self):
                self.xml()

        Quiet().run()

    # positive: the nested class's own method shadows the asserting base's
    def test_shadowed(self):  # [TST003]
        class Loud(CheckingDomain):
            def confirm_created(self):
                pass

            def run(self):
                self.confirm_created()

        Loud().run()
