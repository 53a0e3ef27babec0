from django.test import SimpleTestCase, TestCase


class ViewTests(TestCase):
    def test_todo(self):  # [TST003]
        # positive: pass-only, and django.test.TestCase is a framework base that defines no tests
        pass


class FastViewTests(SimpleTestCase):
    def test_todo(self):  # [TST003]
        """positive: a docstring only, in a SimpleTestCase."""


class SlowViewTests(ViewTests):
    def test_todo(self):
        # negative: disables ViewTests.test_todo
        pass
