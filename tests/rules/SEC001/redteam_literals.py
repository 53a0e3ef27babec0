"""Report queries: which values count as literal (catalog: Literal values)."""
import sys

try:
    from settings import ARCHIVE_TABLE
except ImportError:
    ARCHIVE_TABLE = "archive"

AUDIT_TABLE: str
AUDIT_TABLE = "audit_log"
LOG_TABLE = "logs"
EXPORT_TABLE = "exports"
SELECT_USERS = "SELECT id, name FROM users"
BY_ID = "DELETE FROM {} WHERE id = {}"

if __name__ == "__main__":
    LOG_TABLE = sys.argv[1]


def configure(name):
    def apply():
        global EXPORT_TABLE
        EXPORT_TABLE = name
    return apply


def archived(cur):
    # positive: bound by an import and by an assignment, so not bound exactly once
    cur.execute(f"SELECT * FROM {ARCHIVE_TABLE}")  # [SEC001]


def audit(cur):
    # negative: a bare annotation is not a binding; one assignment to a literal
    cur.execute(f"SELECT * FROM {AUDIT_TABLE} ORDER BY ts")


def logs(cur):
    # positive: rebound under `if __name__ == "__main__":` at module level
    cur.execute("SELECT * FROM " + LOG_TABLE)  # [SEC001]


def exports(cur):
    # positive: rebound through a `global` assignment in a nested function
    cur.execute("SELECT * FROM %s" % EXPORT_TABLE)  # [SEC001]


def delete_by_id(cur, table, row_id):
    # positive: .format() on a module-level literal name, with non-literal arguments
    cur.execute(BY_ID.format(table, row_id))  # [SEC001]


def delete_fixed(cur):
    # negative: .format() on a literal name with literal arguments only
    cur.execute(BY_ID.format("sessions", "0"))


def paged(cur):
    # negative: `%` with a dict display of literals, and with numbers
    cur.execute("SELECT * FROM %(t)s WHERE kind = %(k)s" % {"t": "users", "k": "'admin'"})
    cur.execute("SELECT * FROM users LIMIT %d OFFSET %d" % (10, 20))


def sorted_users(cur, descending):
    direction = "DESC" if descending else "ASC"
    # negative: a name bound once to a choice between two literals (the rule reads such a choice as literal)
    cur.execute("SELECT * FROM users ORDER BY name " + direction)
    cur.execute(f"SELECT * FROM users ORDER BY id {direction}")


def find_by_name(cur, name):
    # positive: the text of a literal field starts the f-string
    cur.execute(f"{SELECT_USERS} WHERE name = '{name}'")  # [SEC001]


def everyone(cur):
    # negative: only literal fields
    cur.execute(f"{SELECT_USERS} ORDER BY name")


def by_kind(cur, kind):
    query = "SELECT * FROM events WHERE kind = '%s'"
    # positive: `%=` with a non-literal argument
    query %= kind
    cur.execute(query)  # [SEC001]


def fixed_kind(cur):
    query = "SELECT * FROM %s WHERE kind = 'login'"
    # negative: `%=` with a tuple of literals
    query %= ("events",)
    cur.execute(query)


def lookups(cur, row, obj):
    # positive: a subscript and an attribute are non-literal
    cur.execute(f"DELETE FROM users WHERE id = {row[0]}")  # [SEC001]
    cur.execute("UPDATE users SET name = '%s'" % obj.name)  # [SEC001]


def formatted(cur, limit, name):
    # positive: format spec and conversion on non-literal fields
    cur.execute(f"SELECT * FROM users LIMIT {limit:d}")  # [SEC001]
    cur.execute(f"SELECT * FROM users WHERE name = {name!r}")  # [SEC001]


def splats(cur, args, options):
    # positive: `.format()` with *args / **kwargs
    cur.execute("SELECT {} FROM users".format(*args))  # [SEC001]
    cur.execute("SELECT * FROM users WHERE {col} = 1".format(**options))  # [SEC001]


def for_each_table(cur):
    for table in ("users", "groups"):
        # positive: a `for` target is not a literal value
        cur.execute(f"TRUNCATE {table}")  # [SEC001]
