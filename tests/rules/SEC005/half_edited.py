"""A file with a syntax error in one function: the others are still checked."""

# positive: before the broken statement
REDIS_PASSWORD = "r3dis!"  # [SEC005]


def broken(config):
    # negative: this statement does not parse, so nothing in it is judged
    config.set(password="inside-error",, retries=3)


def after(config):
    # positive: after the broken function
    config.set(secret="after-error")  # [SEC005]
