"""PostgreSQL administration tasks (psycopg2)."""
from psycopg2 import sql

# rebound through `global` below, so not a literal value
SCHEMA = "public"


def use_schema(name):
    global SCHEMA
    SCHEMA = name


def count_events(cur):
    # positive: a module-level name that the file rebinds is not a literal value
    cur.execute(f"SELECT count(*) FROM {SCHEMA}.events")  # [SEC001]
    return cur.fetchone()[0]


def truncate(cur, table):
    # negative: .format() on a query-composition object, not on a string
    cur.execute(sql.SQL("TRUNCATE {}").format(sql.Identifier(table)))


def fetch_row(cur, table, row_id):
    # negative: composed identifier plus a bound parameter
    query = sql.SQL("SELECT * FROM {} WHERE id = %s").format(sql.Identifier(table))
    cur.execute(query, (row_id,))
    return cur.fetchone()


def replace_setting(cur, key, value):
    # positive: REPLACE statement built with +
    cur.execute("REPLACE INTO settings (key, value) VALUES ('" + key + "', %s)", (value,))  # [SEC001]


class Inventory:
    """Wraps the cloud inventory API."""

    def __init__(self, api):
        self.api = api

    def servers_in(self, region):
        # negative: get_servers() is not a sink, whatever text it receives
        return self.api.get_servers(f"SELECT name FROM servers WHERE region = '{region}'")
