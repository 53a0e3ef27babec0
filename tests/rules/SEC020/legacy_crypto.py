# Python 2 module
import ssl
from Crypto.Cipher import XOR


def obfuscate(key, data):
    print "obfuscating", len(data)
    # positive: XOR "cipher" in a Python 2 file
    return XOR.new(key).encrypt(data)  # [SEC020]


def connect(sock):
    # positive: SSLv3 in a Python 2 file
    return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv3)  # [SEC020]
