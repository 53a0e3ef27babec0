"""Reaching assignments of a local name given to a sink."""
import asyncpg


def either(cur, name, flag):
    if flag:
        query = f"SELECT * FROM users WHERE name = '{name}'"
    else:
        query = "SELECT * FROM users"
    # positive: one of the reaching assignments is built
    cur.execute(query)  # [SEC001]


def built_last(cur, name):
    query = "SELECT * FROM users WHERE name = ?"
    query = "SELECT * FROM users WHERE name = '%s'" % name
    # positive: the built assignment is the last one
    cur.execute(query)  # [SEC001]


def literal_extensions(cur):
    query = "SELECT * FROM users"
    query += " WHERE deleted = 0"
    query += " ORDER BY id"
    # negative: `+=` with literals only
    cur.execute(query)


def guarded(cur, name):
    query = f"SELECT * FROM users WHERE name = '{name}'"
    if not name:
        query = "SELECT * FROM users"
        # negative: only the literal assignment reaches this call
        cur.execute(query)
    # positive: after the `if`, the built assignment still reaches
    cur.execute(query)  # [SEC001]


def in_loop(cur, ids):
    for row_id in ids:
        query = "DELETE FROM sessions WHERE user_id = %s" % row_id
    # positive: an assignment in a loop body reaches the call after the loop
    cur.execute(query)  # [SEC001]


def with_fallback(cur, path):
    try:
        with open(path) as fh:
            query = "INSERT INTO notes VALUES ('%s')" % fh.read()
    except OSError:
        query = "SELECT 1"
    # positive: the assignment in the `try`/`with` reaches
    cur.execute(query)  # [SEC001]


def by_kind(cur, kind, value):
    match kind:
        case "name":
            query = f"UPDATE users SET name = '{value}'"
        case _:
            query = "UPDATE users SET touched = 1"
    # positive: a `match` case reaches the call
    cur.execute(query)  # [SEC001]


def walrus(cur, name):
    if (query := f"SELECT * FROM users WHERE name = '{name}'"):
        # positive: bound by `:=`
        cur.execute(query)  # [SEC001]


def rebuilt(cur, name):
    query = "SELECT * FROM users WHERE name = '%s'"
    query = query % name
    # positive: the last assignment builds the text from the name's literal value
    cur.execute(query)  # [SEC001]


def closure(cur, name):
    query = f"SELECT * FROM users WHERE name = '{name}'"

    def run(c):
        # negative: `query` is not a local name of this function
        c.execute(query)
    return run


async def purge(pool, user_id):
    async with pool.acquire() as conn:
        query = f"DELETE FROM tokens WHERE user_id = {user_id}"
        # positive: async with / await
        await conn.execute(query)  # [SEC001]


def returned_early(cur, name):
    if name:
        query = f"SELECT * FROM users WHERE name = '{name}'"
        return cur.execute(query).fetchall()  # [SEC001]
    query = "SELECT * FROM users"
    # negative: the built assignment is followed by a return in its branch
    return cur.execute(query).fetchall()
