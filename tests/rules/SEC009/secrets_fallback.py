"""Nonce generation with an import fallback, as oauthlib does."""
try:
    from secrets import randbits
except ImportError:
    from random import getrandbits as randbits

try:
    import numpy.random as fast_random
except ImportError:
    import random as fast_random

try:
    from random import choice
except ImportError:
    from random import choice


def generate_nonce():
    # negative: the import that runs is secrets' (random is only the fallback)
    return str(randbits(64))


def generate_salt(alphabet):
    # positive: random in the try body too
    return choice(alphabet)  # [SEC009]


def generate_token():
    # negative: `fast_random` resolves to random only as the fallback of numpy.random
    return fast_random.random()
