"""Digests for the artifact store."""
import hashlib
import hashlib as hl
import hmac
from hashlib import md5, sha1 as legacy_sha1
from hashlib import sha256

from Crypto.Hash import MD5, SHA
from Cryptodome.Hash import MD5 as DomeMD5
import Crypto.Hash.SHA

ALGORITHM = "MD5"


def fingerprint(blob):
    # positive: hashlib.md5
    return hashlib.md5(blob).hexdigest()  # [SEC006]


def legacy_ids(blob):
    # positive: through aliases and `from ... import ... as`
    a = hl.sha1(blob)  # [SEC006]
    b = md5(blob)  # [SEC006]
    c = legacy_sha1()  # [SEC006]
    return a, b, c


def by_name(blob, name):
    # positive: hashlib.new with md5/sha1 in any case, positional or name=
    first = hashlib.new("md5", blob)  # [SEC006]
    second = hashlib.new(name="SHA1", data=blob)  # [SEC006]
    # positive: a module constant bound once to "MD5"
    third = hashlib.new(ALGORITHM)  # [SEC006]
    # negative: another algorithm, or a name that is not a literal
    fourth = hashlib.new("sha256", blob)
    fifth = hashlib.new(name, blob)
    return first, second, third, fourth, fifth


def pycrypto(blob):
    # positive: Crypto / Cryptodome Hash.MD5.new and Hash.SHA.new
    h1 = MD5.new(blob)  # [SEC006]
    h2 = SHA.new(blob)  # [SEC006]
    h3 = DomeMD5.new(blob)  # [SEC006]
    h4 = Crypto.Hash.SHA.new(  # [SEC006]
        blob,
    )
    return h1, h2, h3, h4


def not_for_security(blob, key):
    # negative: usedforsecurity=False says the digest protects nothing
    etag = hashlib.md5(blob, usedforsecurity=False).hexdigest()
    other = hashlib.new("sha1", blob, usedforsecurity=False)
    # negative: references that are not calls
    mac = hmac.new(key, blob, hashlib.sha1)
    mac2 = hmac.new(key, blob, digestmod=hashlib.md5)
    factory = hashlib.md5
    # negative: strong hashes
    strong = sha256(blob).hexdigest()
    return etag, other, mac, mac2, factory, strong


class Hasher:
    def md5(self, data):
        return data

    def digest(self, data):
        # negative: a method of the file's own class named md5
        return self.md5(data)
