"""Suppression comments on SQL findings."""


def suppressed(cur, name):
    # negative: each finding is suppressed by its comment
    cur.execute("SELECT * FROM users WHERE name = " + name)  # noqa: SEC001
    cur.execute("SELECT * FROM users WHERE name = " + name)  # noqa:sql-injection
    cur.execute("SELECT * FROM users WHERE name = " + name)  # nosec
    cur.execute("SELECT * FROM users WHERE name = " + name)  # noqa: SEC -- reviewed
    cur.execute(
        "SELECT * FROM users WHERE name = " + name
    )  # noqa: SEC001
    cur.execute("SELECT * FROM users WHERE name = " + name)  # pyreview: ignore[SEC001]


def not_suppressed(cur, name):
    # positive: a code that is not in the catalog suppresses nothing
    cur.execute("SELECT * FROM users WHERE name = " + name)  # noqa: F401  # [SEC001]
    # positive: "# noqa" inside a string is text
    tag = "# noqa"; cur.execute("SELECT * FROM users WHERE name = " + name + tag)  # [SEC001]
