"""A syntax error in one function; the rest is checked."""
from flask import Flask

app = Flask(__name__)


def broken():
    # negative: inside the statement that does not parse
    app.run(host="0.0.0.0",, port=1)


def fine():
    # positive: after the error
    app.run(host="::", port=2)  # [SEC013]
