"""A file being edited: one statement does not parse."""


def before(conn):
    try:
        conn.close()
    # positive: before the syntax error
    except:  # [ERR001]
        pass


def broken(a):
    return call(a,, 1)


def after(conn):
    try:
        conn.rollback()
    # positive: after the syntax error
    except:  # [ERR001]
        conn = None
