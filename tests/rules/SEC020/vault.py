"""Encryption helpers for the credential vault."""
import ssl
from ssl import PROTOCOL_TLSv1_1, PROTOCOL_TLS_CLIENT

from Crypto.Cipher import AES, ARC4, DES
from Crypto.PublicKey import RSA
import Cryptodome.Cipher.Blowfish as BF
from cryptography.hazmat.primitives.asymmetric import dsa, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def legacy_encrypt(key, data):
    # positive: DES through `from Crypto.Cipher import DES`
    cipher = DES.new(key, DES.MODE_CBC)  # [SEC020]
    # negative: the mode constant alone is a reference, not the cipher's .new call
    mode = DES.MODE_ECB
    return cipher.encrypt(data), mode


def stream(key):
    # positive: RC4 from PyCrypto and Blowfish from PyCryptodome (module alias)
    return ARC4.new(key), BF.new(key, BF.MODE_CBC)  # [SEC020, SEC020]


def modern(key, nonce):
    # negative: AES in GCM mode
    return AES.new(key, AES.MODE_GCM, nonce=nonce)


def wrap(key, iv):
    # positive: ECB mode of the cryptography package
    ecb = Cipher(algorithms.AES(key), modes.ECB())  # [SEC020]
    # positive: Triple DES, ARC4 and Blowfish algorithms
    tdes = Cipher(algorithms.TripleDES(key), modes.CBC(iv))  # [SEC020]
    rc4 = Cipher(algorithms.ARC4(key), mode=None)  # [SEC020]
    bf = Cipher(
        algorithms.Blowfish(key),  # [SEC020]
        modes.CBC(iv),
    )
    # negative: a reference to the class is not a call
    weak = (algorithms.TripleDES, modes.ECB)
    return ecb, tdes, rc4, bf, weak


def keys():
    # positive: RSA key of 1024 bits, size as the second argument
    small = rsa.generate_private_key(65537, 1024)  # [SEC020]
    # positive: size by keyword
    also_small = rsa.generate_private_key(public_exponent=65537, key_size=1536)  # [SEC020]
    # positive: DSA size is the first argument
    dsa_key = dsa.generate_private_key(1024)  # [SEC020]
    # positive: PyCrypto RSA.generate with bits=
    pc = RSA.generate(bits=512)  # [SEC020]
    # negative: 2048 bits and more
    ok = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ok2 = RSA.generate(4096)
    # negative: a size that is not a literal
    bits = choose_bits()
    ok3 = rsa.generate_private_key(65537, bits)
    return small, also_small, dsa_key, pc, ok, ok2, ok3


def context():
    # positive: a deprecated protocol constant, as an attribute
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # [SEC020]
    # positive: the bare name imported from ssl (the import line is not flagged)
    old = ssl.SSLContext(PROTOCOL_TLSv1_1)  # [SEC020]
    # positive: in a comparison, every reference counts
    if ctx.protocol in (ssl.PROTOCOL_SSLv2, ssl.PROTOCOL_SSLv3):  # [SEC020, SEC020]
        raise ValueError("SSL is not supported")
    # negative: the modern constants
    new = ssl.SSLContext(PROTOCOL_TLS_CLIENT)
    tls12 = ssl.PROTOCOL_TLSv1_2
    return ctx, old, new, tls12


class FakeCipher:
    # negative: a class of the file named like a broken cipher
    @staticmethod
    def new(key):
        return key


def local_des(key):
    # negative: DES here is a local class, not Crypto.Cipher.DES
    DES = FakeCipher
    return DES.new(key)
