import paramiko


def before(c):
    # positive: before the syntax error
    c.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # [SEC021]


def broken(c):
    c.connect(,)


def after(c):
    # positive: after the syntax error
    c.set_missing_host_key_policy(paramiko.WarningPolicy)  # [SEC021]
