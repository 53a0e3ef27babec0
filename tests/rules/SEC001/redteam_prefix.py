"""Where the SQL keyword must be, and where prose must never match."""


def union_ids(cur, owner):
    # positive: parenthesised SQL (whitespace and "(" are skipped)
    cur.execute("((SELECT id FROM a WHERE o = %s) UNION (SELECT id FROM b))" % owner)  # [SEC001]


def spread(cur, owner):
    # positive: implicit concatenation starting with whitespace and "("
    cur.execute("   " "\t(" "select id from t where o = %s)" % owner)  # [SEC001]


def status_lines(bot, count, name, version):
    # negative: the keyword must be a whole word (Selected, Deleted, Updated, Inserting, Creates, Withdrawal)
    bot.execute("Selected rows: %s" % count)
    bot.execute("Deleted %s entries" % count)
    bot.execute("Updated {}".format(version))
    bot.execute(f"Inserting {name}")
    bot.execute("Creates a copy of " + name)
    bot.execute(f"Withdrawal for {name}")


def prompts(menu, choices, table):
    # negative: prose that does not start with a keyword, even with SQL words later
    menu.execute(f"Please select one from {choices}")
    menu.execute("Choose the table to drop: " + table)
    menu.execute("(Note: %s will be deleted)" % table)


def not_listed(cur, table):
    # negative: EXPLAIN and a leading comment are not in the closed list
    cur.execute("EXPLAIN SELECT * FROM %s" % table)
    cur.execute("-- nightly\nDELETE FROM %s" % table)
    # positive: SHOW and GRANT are in the list
    cur.execute("SHOW TABLES LIKE '%s'" % table)  # [SEC001]
    cur.execute("GRANT SELECT ON %s TO reporting" % table)  # [SEC001]


def no_leading_text(cur, fragment):
    # negative: no literal text before the first non-literal part
    cur.execute(fragment + " WHERE active = 1")
    cur.execute("%s WHERE active = 1" % fragment)
    cur.execute("{} FROM users".format(fragment))


def statements(cur, name):
    # positive: the other keywords of the list, in any case
    cur.execute("with t as (select %s) select * from t" % name)  # [SEC001]
    cur.execute("Merge Into stock Using %s" % name)  # [SEC001]
    cur.execute("CREATE INDEX idx ON %s (id)" % name)  # [SEC001]
    cur.execute("truncate table " + name)  # [SEC001]
    cur.execute(b"DELETE FROM blobs WHERE name = '%s'" % name)  # [SEC001]


def describe(cur, table):
    query = """
        -- describe a table
        SELECT column_name FROM information_schema.columns WHERE table_name = '%s'
    """ % table
    # negative: the text starts with a comment, not a keyword of the list
    cur.execute(query)


def escaped_newlines(cur, uid):
    # positive: escape sequences between the keyword and the rest
    cur.execute("SELECT\nid, name\nFROM users WHERE id = %s" % uid)  # [SEC001]
