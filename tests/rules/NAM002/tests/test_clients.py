import unittest


class Test_Login(unittest.TestCase):  # [NAM002]
    pass


class TestLogin(unittest.TestCase):
    pass
