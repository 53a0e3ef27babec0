def before(f):
    try:
        f.flush()
    finally:
        # positive: before the syntax error
        return f.name  # [ERR004]


def broken(a):
    x = (a +)


def after(f):
    while True:
        try:
            f.read()
        finally:
            # positive: after the syntax error
            break  # [ERR004]
