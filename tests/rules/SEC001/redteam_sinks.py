"""Sinks and imports: aliases, re-exports, shadowing, methods that are not sinks."""
import pandas
import sqlalchemy as sa
from django.db.models import RawSQL
from pandas import read_sql_query as run_query
from sqlalchemy.sql import text as sql_text


def by_alias(engine, name):
    with engine.connect() as conn:
        # positive: sqlalchemy imported as sa
        conn.execute(sa.text(f"SELECT * FROM users WHERE name = '{name}'"))  # [SEC001]


def reexported(conn, name):
    # positive: sqlalchemy.sql.text is sqlalchemy.text
    conn.execute(sql_text("DELETE FROM users WHERE name = '" + name + "'"))  # [SEC001]


def frames(engine, region):
    # positive: read_sql_query under another name, and the module's read_sql
    a = run_query("SELECT * FROM sales WHERE region = '%s'" % region, engine)  # [SEC001]
    b = pandas.read_sql(sql=f"SELECT * FROM returns WHERE region = '{region}'", con=engine)  # [SEC001]
    return a, b


def annotated(queryset, weight):
    # positive: django.db.models.RawSQL
    return queryset.annotate(score=RawSQL("SELECT %s * count(*) FROM votes" % weight, []))  # [SEC001]


def not_sinks(api, name):
    # negative: methods that are not sinks, whatever text they receive
    api.query(f"SELECT * FROM users WHERE name = '{name}'")
    api.execute_query(f"SELECT * FROM users WHERE name = '{name}'")
    api.fetch_all(f"SELECT * FROM users WHERE name = '{name}'")


def as_function(name):
    # negative: execute() called as a plain function is not a method
    return execute(f"SELECT * FROM users WHERE name = '{name}'")


def shadowed_pandas(name):
    pandas = Warehouse()
    # negative: a local named pandas is not the module
    return pandas.read_sql(f"SELECT * FROM users WHERE name = '{name}'")


def multi_line(cur, name):
    cur.execute(
        # the lookup
        "SELECT * FROM users "  # [SEC001]
        "WHERE name = '%s'"
        % name,
    )


def chained(conn, name):
    # positive: a method on any receiver, through calls
    conn.connection.cursor().execute("SELECT * FROM users WHERE name = " + name)  # [SEC001]


def scripts(cur, table, rows):
    # positive: executescript and executemany
    cur.executescript("DROP TABLE IF EXISTS %s;" % table)  # [SEC001]
    cur.executemany(f"INSERT INTO {table} VALUES (?)", rows)  # [SEC001]


def inline(cur, ids):
    # positive: in a lambda and in a comprehension
    drop = lambda t: cur.execute("DROP TABLE " + t)  # [SEC001]
    [cur.execute(f"DELETE FROM users WHERE id = {i}") for i in ids]  # [SEC001]
    return drop


def parameters(cur, name):
    # negative: literal SQL; the values go as parameters
    cur.execute("SELECT * FROM users WHERE name = %s", (name,))
    cur.execute("SELECT * FROM users WHERE name = %(n)s", {"n": name})


class Warehouse:
    pass
