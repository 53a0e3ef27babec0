"""A syntax error in one function; the rest is checked."""
import random


def broken():
    # negative: inside the statement that does not parse
    token = random.random(,, 1)
    return token


def fine():
    # positive: after the error
    secret = random.random()  # [SEC009]
    return secret
