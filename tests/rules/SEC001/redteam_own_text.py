"""A module whose own text() shadows sqlalchemy.text."""
from sqlalchemy import text


def text(value):
    return value


def render(conn, name):
    # negative: text is this file's def (its last module-level binding); query() is not a sink
    return conn.query(text(f"SELECT * FROM users WHERE name = '{name}'"))


def read_sql(query, con):
    return query, con


def local_reader(name):
    # negative: this file's own read_sql
    return read_sql(f"SELECT * FROM users WHERE name = '{name}'", None)
