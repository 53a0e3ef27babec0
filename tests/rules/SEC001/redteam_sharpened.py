"""Parts that cannot inject, the new statements, and the message by position."""
from django.db import connection


def quoted(cur, t, v, n):
    # negative: a call whose last name part contains quote or escape
    cur.execute("SELECT * FROM %s" % connection.ops.quote_name(t))
    cur.execute("SELECT * FROM t WHERE name = '%s'" % cur.connection.escape_string(v))
    cur.execute(f"SELECT * FROM {quote_ident(n, cur)} WHERE id = 1")
    # negative: through a local name bound once to one
    table = connection.ops.quote_name(t)
    cur.execute("DELETE FROM " + table + " WHERE id = %s", [v])
    # positive: quoting that is not a call, or a call without quote/escape in its last name
    cur.execute("SELECT * FROM %s" % quoted_names[t])  # [SEC001]
    cur.execute("SELECT * FROM %s" % connection.ops.name(t))  # [SEC001]


def numbers(cur, x, items, flag, name):
    # negative: int, float, len and bool calls
    cur.execute("SELECT * FROM t WHERE id = %s" % int(x))
    cur.execute("SELECT * FROM t LIMIT %s" % len(items))
    cur.execute(f"SELECT * FROM t WHERE price > {float(x)} AND n = {len(items)} AND f = {bool(flag)}")
    # negative: numeric conversions %d, %i, %u, %f, and %(id)d
    cur.execute("SELECT * FROM t WHERE id = %d" % x)
    cur.execute("SELECT * FROM t WHERE id = %i AND n = %5u AND p > %.2f" % (x, x, x))
    cur.execute("SELECT * FROM t WHERE id = %(id)d" % {"id": x})
    cur.execute("SELECT * FROM t WHERE id = %(id)d" % params)
    # positive: a %s next to the %d is still a value
    cur.execute("SELECT * FROM t WHERE id = %d AND name = '%s'" % (x, name))  # [SEC001]
    cur.execute("SELECT * FROM t WHERE id = %(id)d AND name = '%(n)s'" % {"id": x, "n": name})  # [SEC001]
    # positive: str() is no number
    cur.execute("SELECT * FROM t WHERE id = %s" % str(x))  # [SEC001]


def placeholders(cur, ids, rows, n):
    # negative: a join on a literal separator over placeholders only
    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ", ".join(["%s"] * n), ids)
    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ",".join("?" * len(ids)), ids)
    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ", ".join("?" for _ in rows), ids)
    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ", ".join(["QUOTE(?)" for _ in rows]), ids)
    cur.execute(f"INSERT INTO t VALUES ({', '.join([':a', ':b'])})", rows)
    marks = ", ".join(["%s"] * len(ids))
    cur.execute("SELECT * FROM t WHERE id IN (" + marks + ")", ids)
    # positive: a join over values, or on a separator that is not literal
    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ", ".join(ids))  # [SEC001]
    cur.execute("SELECT * FROM t WHERE id IN (%s)" % ", ".join(["'%s'" % i for i in ids]))  # [SEC001]
    cur.execute("SELECT * FROM t WHERE id IN (%s)" % n.join(["%s"] * 3))  # [SEC001]


def statements(cur, x, name, proc):
    # positive: PRAGMA, SET, SHOW, EXEC, EXECUTE, CALL, GRANT and REVOKE start SQL
    cur.execute("GRANT ALL ON t TO %s" % x)  # [SEC001]
    cur.execute("REVOKE ALL ON t FROM %s" % x)  # [SEC001]
    cur.execute(f"PRAGMA table_info({name})")  # [SEC001]
    cur.execute("SET search_path TO " + name)  # [SEC001]
    cur.execute("SHOW COLUMNS FROM %s" % name)  # [SEC001]
    cur.execute("EXEC " + proc)  # [SEC001]
    cur.execute("execute %s" % proc)  # [SEC001]
    cur.execute(f"CALL {proc}()")  # [SEC001]
    # negative: a word that only starts with one of them
    cur.execute("SETTINGS %s" % x)
    cur.execute("Showing %s" % x)


def positions(cur, table, column, value, schema):
    # positive (identifier): after FROM, JOIN, INTO, UPDATE, TABLE, a dot, inside "..." or backticks
    cur.execute("SELECT * FROM %s" % table)  # [SEC001]
    cur.execute("SELECT * FROM a JOIN " + table)  # [SEC001]
    cur.execute(f"INSERT INTO {table} VALUES (1)")  # [SEC001]
    cur.execute("UPDATE %s SET a = 1" % table)  # [SEC001]
    cur.execute("ALTER TABLE " + table + " ADD x int")  # [SEC001]
    cur.execute(f"SELECT * FROM public.{table}")  # [SEC001]
    cur.execute(f'SELECT "{column}" FROM t')  # [SEC001]
    cur.execute(f"SELECT `{column}` FROM t")  # [SEC001]
    cur.execute("SELECT * FROM %s.%s" % (connection.ops.quote_name(schema), table))  # [SEC001]
    # positive (value): anywhere else
    cur.execute(f"SELECT * FROM t WHERE name = '{value}'")  # [SEC001]
    cur.execute("SELECT * FROM t WHERE a = " + value)  # [SEC001]
    cur.execute(f'SELECT "a" FROM t WHERE b = {value}')  # [SEC001]
    cur.execute("SELECT * FROM %s WHERE x = %s" % (connection.ops.quote_name(table), value))  # [SEC001]
