"""Storage tests whose setUp grew by copy and paste."""
import contextlib
import shutil
import tempfile
import unittest
from contextlib import ExitStack
from unittest import mock

from app.storage import Store, connect


class StoreTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)
        self.db = connect(self.tmp)
        self.addCleanup(shutil.rmtree, self.tmp)  # [TST009]
        self.addCleanup(self.db.close)
        self.addCleanup( self.db.close )  # [TST009]
        self.addCleanup(self.db.close,  # [TST009]
                        )

    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp()
        cls.addClassCleanup(shutil.rmtree, cls.root, ignore_errors=True)
        cls.addClassCleanup(shutil.rmtree, (cls.root), ignore_errors=True)  # [TST009]

    def test_quotes_and_comments(self):
        store = Store(self.tmp)
        self.addCleanup(store.drop, 'users')
        # a comment between them is no branch; the same string in other quotes
        self.addCleanup(store.drop, "users")  # [TST009]
        self.assertTrue(store.ready)

    def test_exit_stack(self):
        with ExitStack() as stack:
            store = Store(self.tmp)
            stack.callback(store.close)
            stack.callback(store.close)  # [TST009]
        self.assertTrue(store.closed)

    def test_exit_stack_assigned(self):
        resources = contextlib.ExitStack()
        store = Store(self.tmp)
        resources.callback(store.close)
        resources.callback(store.close)  # [TST009]
        resources.close()
        self.assertTrue(store.closed)

    def test_different_arguments(self):
        # negative: different arguments are different cleanups
        a, b = Store(self.tmp), Store(self.tmp)
        self.addCleanup(a.close)
        self.addCleanup(b.close)
        self.addCleanup(shutil.rmtree, self.tmp)
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.addCleanup(a.drop, "1")
        self.addCleanup(a.drop, 1)
        self.assertTrue(a.ready)

    def test_branch_between(self):
        # negative: a branch between the registrations
        store = Store(self.tmp)
        self.addCleanup(store.close)
        if store.reopened:
            store = Store(self.tmp)
        self.addCleanup(store.close)
        self.assertTrue(store.ready)

    def test_different_blocks(self):
        # negative: one registration inside an if, the other outside
        store = Store(self.tmp)
        if store.temporary:
            self.addCleanup(store.close)
        self.addCleanup(store.close)
        self.assertTrue(store.ready)

    def test_patchers(self):
        # negative: distinct patchers' stops; a non-stack `callback`
        p1 = mock.patch("app.storage.connect")
        p2 = mock.patch("app.storage.Store")
        p1.start()
        p2.start()
        self.addCleanup(p1.stop)
        self.addCleanup(p2.stop)
        events = mock.Mock()
        events.callback(p1.stop)
        events.callback(p1.stop)
        self.assertTrue(p1)

    def test_rebound_between(self):
        # negative: the name is rebound between the registrations: another object
        s = Store(self.tmp)
        self.addCleanup(s.close)
        s = Store(s.path)
        self.addCleanup(s.close)
        self.first, other = Store(self.tmp), Store(self.tmp)
        self.addCleanup(self.first.close)
        self.first, other = other, self.first
        self.addCleanup(self.first.close)
        self.assertTrue(s.ready)

    def test_nested_function(self):
        # negative: each registration in its own function
        def first():
            self.addCleanup(shutil.rmtree, self.tmp)

        def second():
            self.addCleanup(shutil.rmtree, self.tmp)
        first()
        second()
        self.assertTrue(self.tmp)


class Helper:
    def register(self, test):
        # positive: all of a test file is test code, any receiver
        test.addCleanup(self.close)
        test.addCleanup(self.close)  # [TST009]

    def close(self):
        pass
