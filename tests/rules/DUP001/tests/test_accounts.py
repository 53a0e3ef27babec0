import unittest


class AccountTest(unittest.TestCase):
    def setUp(self):
        self.user = User(name="a")
        self.user.email = "a@example.com"
        self.user.save()
        self.session = login(self.user)
        self.session.refresh()
        self.client.force_login(self.user)

    def test_create(self):
        # the same six statements as setUp, quotes and comments aside
        self.user = User(name='a')  # [DUP001]
        self.user.email = 'a@example.com'
        self.user.save()
        self.session = login((self.user))
        self.session.refresh()
        self.client.force_login(self.user)
        self.assertTrue(self.client.get("/").ok)

    def test_delete(self):
        # negative: five equal statements are not enough
        self.user = User(name="a")
        self.user.email = "a@example.com"
        self.user.save()
        self.session = login(self.user)
        self.session.refresh()
        self.client.delete("/me")
