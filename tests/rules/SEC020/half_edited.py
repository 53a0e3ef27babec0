from Crypto.Cipher import ARC2


def before(key):
    # positive: before the syntax error
    return ARC2.new(key)  # [SEC020]


def broken(key):
    return ARC2.new(key,,)


def after(key):
    # positive: after the syntax error
    return ARC2.new(key, ARC2.MODE_CBC)  # [SEC020]
