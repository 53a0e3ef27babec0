"""Red-team cases: where a read counts (before, in an enclosing loop, in handlers and nested scopes)."""


# positive: read only BEFORE the loop does not count
def c40(items, item):
    print(item)
    for item in items:  # [DED003]
        pass


# negative: read earlier in an enclosing loop's body (runs again on the next iteration)
def c41(batches):
    row = None
    for batch in batches:
        print(row)
        for row in batch:
            pass


# positive: loop in a try block, variable unused
def c42(items, work):
    try:
        for item in items:  # [DED003]
            work()
    except ValueError:
        raise


# negative: read in the except handler after the loop
def c43(items, work):
    try:
        for item in items:
            work()
    except ValueError:
        print("failed at", item)


# positive: loop in a with block
def c44(path, n):
    with open(path) as fh:
        for line_no in range(n):  # [DED003]
            fh.readline()


# negative: read in a class body nested in the loop
def c45(items):
    for item in items:
        class Holder:
            value = item
        yield Holder


# positive: decorated function containing a loop
@staticmethod
def c46(n, work):
    for k in range(n):  # [DED003]
        work()


# positive: a loop in a nested function
def c47(n, work):
    def inner():
        for k in range(n):  # [DED003]
            work()
    return inner


# negative: the name is read in the nested function that follows the loop in the OUTER function
def c48(n):
    for k in range(n):
        pass

    def inner():
        return k

    return inner


# positive: for with a multi-line target tuple and comments
def c49(rows):
    for (
        first,  # the first column
        second,  # [DED003]
    ) in rows:
        print(first)
