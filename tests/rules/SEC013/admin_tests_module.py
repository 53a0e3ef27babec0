"""A non-test module with a test class: its body is test code."""
import unittest

from flask import Flask

app = Flask(__name__)


def main():
    # positive: outside the test class
    app.run(host="0.0.0.0")  # [SEC013]


class ServeTestCase(unittest.TestCase):
    def test_binds(self):
        # negative: inside a test class
        app.run(host="::")
