"""Reporting queries (pandas and SQLAlchemy)."""
import pandas as pd
import sqlalchemy
from sqlalchemy import text as sql_text


def load_events(engine, kind):
    # positive: pandas.read_sql through the pd alias
    return pd.read_sql(f"SELECT * FROM events WHERE kind = '{kind}'", engine)  # [SEC001]


def load_metric(engine, metric):
    # positive: read_sql_query with + concatenation
    return pd.read_sql_query("SELECT ts, value FROM metrics WHERE name = '" + metric + "'", engine)  # [SEC001]


def load_region(engine, region):
    # positive: the SQL passed to read_sql by its keyword (sql=)
    return pd.read_sql(sql="SELECT * FROM sales WHERE region = '%s'" % region, con=engine)  # [SEC001]


def load_year(engine, year):
    # negative: read_sql_table is not a sink
    return pd.read_sql_table(f"events_{year}", engine)


def delete_tenant(conn, tenant_id):
    # positive: sqlalchemy.text imported as sql_text
    conn.execute(sql_text(f"DELETE FROM tenants WHERE id = {tenant_id}"))  # [SEC001]


def merge_staging(conn, table):
    # positive: sqlalchemy.text() through the module
    conn.execute(sqlalchemy.text("MERGE INTO " + table + " USING staging ON (id = staging.id)"))  # [SEC001]


def create_partition(conn, month):
    statement = "CREATE TABLE IF NOT EXISTS events_%s PARTITION OF events" % month
    # positive: through a local name reaching sqlalchemy.text()
    conn.execute(sqlalchemy.text(statement))  # [SEC001]


def top_customers(conn, limit):
    # negative: bound parameters with literal SQL text
    return conn.execute(sql_text("SELECT name FROM customers ORDER BY spend DESC LIMIT :n"), {"n": limit})


def monthly_totals(engine):
    # negative: literal SQL
    return pd.read_sql("SELECT month, sum(total) FROM orders GROUP BY month", engine)
