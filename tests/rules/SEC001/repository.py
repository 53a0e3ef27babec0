"""Persistence helpers for the accounts service (sqlite3, DB-API)."""
import logging

log = logging.getLogger(__name__)

# a module-level name bound once to a literal is a literal value
USERS_TABLE = "users"


def find_user_by_name(conn, name):
    cur = conn.cursor()
    # positive: f-string with a replacement field reaching execute()
    cur.execute(f"SELECT id, email FROM users WHERE name = '{name}'")  # [SEC001]
    return cur.fetchone()


def delete_sessions(conn, user_id):
    # positive: % formatting with a parameter
    conn.execute("DELETE FROM sessions WHERE user_id = %s" % user_id)  # [SEC001]


def update_email(conn, user_id, email):
    # positive: .format() on a string literal with non-literal arguments
    conn.execute("UPDATE users SET email = '{}' WHERE id = {}".format(email, user_id))  # [SEC001]


def drop_table(conn, table_name):
    # positive: + concatenation reaching executescript()
    conn.executescript("DROP TABLE IF EXISTS " + table_name)  # [SEC001]


def bulk_insert(conn, table, rows):
    # positive: executemany() with SQL built by %
    conn.executemany("INSERT INTO %s (name, email) VALUES (?, ?)" % table, rows)  # [SEC001]


def search_orders(conn, status):
    sql = "SELECT id, total FROM orders WHERE 1 = 1"
    if status:
        sql += " AND status = '" + status + "'"
    # positive: through a local name; one reaching assignment was extended with +=
    return conn.execute(sql).fetchall()  # [SEC001]


def all_order_ids(conn, customer):
    query = """
        (select id from archived_orders where customer = '%s')
        union
        (select id from orders where customer = '%s')
    """ % (customer, customer)
    # positive: multi-line text, whitespace and "(" before a lower-case keyword
    return [row[0] for row in conn.execute(query)]  # [SEC001]


def recent_signups(conn, days):
    query = f"""
        WITH recent AS (
            SELECT id FROM users WHERE created_at > date('now', '-{days} days')
        )
        SELECT count(*) FROM recent
    """
    # positive: a multi-line f-string starting with WITH, through a local name
    return conn.execute(query).fetchone()[0]  # [SEC001]


def list_users(conn, descending):
    order = "ASC"
    if descending:
        order = "DESC"
    # positive: a name bound twice (even to literals) is not a literal value
    return conn.execute(f"SELECT name FROM users ORDER BY name {order}").fetchall()  # [SEC001]


def rename_column(conn, table, old, new):
    # positive: the SQL argument starts on the line after the call
    conn.execute(
        "ALTER TABLE %s RENAME COLUMN %s TO %s" % (table, old, new)  # [SEC001]
    )


def purge_client(conn, client):
    # positive: non-ASCII text before the argument on the same line (columns count code points)
    log.info("Purge demandée ✅ 🧹"); conn.execute("DELETE FROM clients WHERE nom = '%s'" % client)  # [SEC001]


def get_user(conn, user_id):
    # negative: parameterised call with literal SQL
    return conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()


def active_users(conn):
    # negative: concatenation of literals only
    return conn.execute("SELECT * FROM users " + "WHERE active = 1").fetchall()


def user_count(conn):
    # negative: a module-level constant bound once to a literal
    return conn.execute(f"SELECT count(*) FROM {USERS_TABLE}").fetchone()[0]


def newest_user(conn):
    column = "created_at"
    # negative: a local name bound once to a literal
    return conn.execute(f"SELECT * FROM users ORDER BY {column} DESC LIMIT 1").fetchone()


def archive_orders(conn):
    # negative: % and .format() with only literal operands and arguments
    conn.execute("INSERT INTO %s SELECT * FROM %s" % ("orders_archive", "orders"))
    conn.execute("DELETE FROM {} WHERE shipped = 1".format("orders"))


def describe_query(table):
    # negative: SQL text that never reaches a sink
    return f"SELECT * FROM {table}"


def run_statement(conn, statement, params):
    # negative: a parameter is not SQL text built here
    return conn.execute(statement, params)


def run_template(conn, template, owner):
    # negative: no literal text before the first non-literal part, so no SQL keyword
    conn.execute(template % owner)
    conn.execute(f"{template} WHERE owner = '{owner}'")


def cancel_jobs(conn, queue):
    sql = "UPDATE jobs SET state = 'cancelled' WHERE queue = '%s'" % queue
    sql = "UPDATE jobs SET state = 'cancelled' WHERE queue = ?"
    # negative: only the last (literal) assignment reaches the call
    conn.execute(sql, (queue,))


def announce(bot, table):
    # negative: keywords match whole words only ("Updates" is not UPDATE; see NOTES.md)
    bot.execute(f"Updates for {table} are paused during the migration")


def choose_environment(prompt, environments):
    # negative: prose is not SQL, even on a method named execute()
    return prompt.execute(f"Please select one from {', '.join(environments)}")
