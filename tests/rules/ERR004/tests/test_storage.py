"""ERR004 runs in tests as well."""


def test_save(db):
    try:
        db.write({})
    finally:
        # positive: flagged in test code too
        return  # [ERR004]


def test_loop(db):
    try:
        db.write({})
    finally:
        # negative: break of a loop inside the finally block
        for row in db.rows():
            break
