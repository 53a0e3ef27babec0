"""Invitations, sessions and password resets."""
import random
import random as rnd
import secrets
import string
from random import choice, getrandbits

ALPHABET = string.ascii_letters + string.digits


class Invitation:
    def __init__(self, email):
        self.email = email
        # positive: an attribute whose last part is token, from a generator expression
        self.invite_token = "".join(random.choice(ALPHABET) for _ in range(32))  # [SEC009]
        # negative: token is not the last part
        self.token_length = random.randint(16, 32)


def new_session_key():
    # positive: a return in a function whose name ends in key
    return "%016x" % getrandbits(64)  # [SEC009]


def hash_password(password):
    # positive: salt (anywhere), through `import random as rnd`
    salt = rnd.randbytes(16)  # [SEC009]
    # positive: a password and a nonce, one finding per call
    temp_password = choice(ALPHABET) + choice(ALPHABET)  # [SEC009, SEC009]
    otp_code = random.randint(100000, 999999)  # [SEC009]
    nonce = random.Random().getrandbits(96)  # [SEC009]
    return salt, temp_password, otp_code, nonce


def reset(user):
    # positive: an augmented assignment and an unpacking assignment
    user.reset_secret = ""
    user.reset_secret += random.choice(ALPHABET)  # [SEC009]
    pwd, attempts = random.random(), 0  # [SEC009]
    return pwd, attempts


def near_misses(items):
    # negative: key is not the last part, monkey is not key, no word part matches
    key_index = random.randrange(len(items))
    monkey = random.choice(items)
    shuffled = random.sample(items, len(items))
    # negative: SystemRandom and secrets are fine
    api_token = random.SystemRandom().choice(ALPHABET)
    csrf_token = secrets.token_hex(16)
    # negative: a name bound to a random value is not followed into the secret
    n = random.random()
    session_key = str(n)
    return key_index, monkey, shuffled, api_token, csrf_token, session_key


def pick_sample_key(items):
    # positive: the function name ends in key
    return random.choice(items)  # [SEC009]


def sort_key(item):
    # negative: no random call in the return
    return item.name


def maybe_nonce(cache):
    # positive: an assignment expression
    if (nonce := random.getrandbits(32)) not in cache:  # [SEC009]
        return nonce
    return None
