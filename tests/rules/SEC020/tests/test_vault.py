"""SEC020 runs in tests too."""
from Crypto.Cipher import DES


def test_roundtrip():
    # positive: in a test file
    cipher = DES.new(b"8bytekey", DES.MODE_ECB)  # [SEC020]
    assert cipher
