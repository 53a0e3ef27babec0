"""Red-team cases: scopes, reads that count, exclusions, one finding per assignment."""
import logging
import re

log = logging.getLogger(__name__)
module_value = 1


# positive: simple unused local
def c1(x):
    result = x * 2  # [DED001]
    return x


# negative: read in a nested function defined after the assignment
def c2(items):
    prefix = "item-"

    def label(i):
        return prefix + str(i)

    return [label(i) for i in items]


# negative: read only in a comprehension
def c3(items):
    factor = 3
    return [i * factor for i in items]


# negative: read only in a generator expression condition
def c4(items):
    limit = 10
    return sum(1 for i in items if i > limit)


# negative: read in a class body inside the function
def c5():
    default_size = 4

    class Config:
        size = default_size

    return Config


# positive: the function's own unused local; the class attribute of a class defined in it is not a local
def c6():
    unused_here = 1  # [DED001]

    class Config:
        size = 4

    return Config


# negative: augmented assignment counts as a read
def c7(x):
    total = 0
    total += x


# negative: del counts as a read
def c8(cache):
    value = cache.pop()
    del value


# negative: f-string format spec reads the name
def c9(amount):
    width = 10
    return f"{amount:>{width}}"


# negative: nested format spec within conversion
def c10(amount):
    fill = "*"
    return f"{amount!r:{fill}^20}"


# negative: locals() call in function
def c11(request):
    title = "x"
    return render(request, locals())


# negative: global name
def c12():
    global module_value
    module_value = 2


# negative: nonlocal name in nested function
def c13():
    count = 0

    def inc():
        nonlocal count
        count = count + 1

    inc()
    return count


# negative: a local that a nested function declares nonlocal
def c14():
    state = 0

    def setter(v):
        nonlocal state
        state = v

    return setter


# negative: unpacking (tuple, list, starred, nested)
def c15(pair):
    a, b = pair
    [c, d] = pair
    first, *rest = pair
    (e, (f, g)) = pair
    return None


# negative: with-as target
def c16(path):
    with open(path) as fh:
        pass
    with open(path) as (h1):
        pass


# negative: bare annotation
def c17():
    counter: int
    return 0


# positive: annotated assignment with a value
def c18():
    counter: int = 0  # [DED001]
    return 1


# positive: walrus target never read
def c19(text):
    if (m := re.match("x", text)):  # [DED001]
        return True
    return False


# negative: walrus target read later
def c20(text):
    if (m := re.match("x", text)):
        return m.group(0)
    return None


# positive: except-as never read
def c21(x):
    try:
        x()
    except ValueError as err:  # [DED001]
        return None


# negative: except-as read
def c22(x):
    try:
        x()
    except ValueError as err:
        log.error("failed: %s", err)


# negative: _ names
def c23(x):
    _unused = x()
    __private = x()
    _ = x()
    return None


# positive: chained assignment, only one part unused
def c24(x):
    a = b = x()  # [DED001]
    return a


# positive: two assignments, never read: two findings
def c25(x):
    state = 1  # [DED001]
    x()
    state = 2  # [DED001]


# negative: name read by a lambda
def c26(items):
    key_attr = "name"
    return sorted(items, key=lambda o: getattr(o, key_attr))


# negative: read in a nested async function
def c27(queue):
    timeout = 5

    async def waiter():
        return await queue.get(timeout)

    return waiter


# positive: async function with an unused local
async def c28(client):
    response = await client.get("/")  # [DED001]
    return None


# negative: loop variables are not DED001 (DED003 covers them)
def c29(items):
    for item in items:
        pass


# negative: module-level assignment
module_unused = 42


# negative: class-body assignment
class K:
    attr = 1

    # positive: unused local inside a method
    def m(self):
        tmp = self.attr  # [DED001]
        return 0


# negative: read in a decorator argument of a nested function
def c30(app):
    route_path = "/x"

    @app.route(route_path)
    def view():
        return "x"

    return view


# negative: read as a default argument of a nested function
def c31():
    default = 3

    def inner(v=default):
        return v

    return inner


# positive: an unused local assigned in a nested function only (outer scope reads a different name)
def c32():
    def inner():
        hidden = 1  # [DED001]
        return 0

    hidden = 2
    return hidden


# positive: a name read only in a nested function that shadows it with its own local
def c33():
    shadowed = 1  # [DED001]

    def inner():
        shadowed = 2
        return shadowed

    return inner


# negative: a name read in a match statement
def c34(cmd):
    expected = "go"
    match cmd:
        case "stop":
            return 0
        case _ if cmd == expected:
            return 1


# negative: a name used as a keyword argument value, starred and double-starred
def c35(f):
    args = (1, 2)
    kwargs = {"a": 1}
    return f(*args, **kwargs)


# positive: a name that appears only inside a string is not read
def c36():
    secret_value = compute()  # [DED001]
    return "secret_value"


# positive: a name that appears only in a comment is not read
def c37():
    marker = compute()  # [DED001]
    # marker
    return None


# negative: read inside an f-string replacement field
def c38():
    name = compute()
    return f"hello {name!r}"


# negative: read in a nested f-string with quotes
def c39():
    user = compute()
    return f"{'x' + f'{user}'}"


# negative: a later store after a read is not reported (name-level reads, see NOTES.md)
def c40(cursor):
    page = cursor.fetch()
    items = list(page)
    page = None
    return items


# positive: for-else with unused assigned local inside
def c41(items):
    for item in items:
        found = item  # [DED001]
        break
    else:
        return None
    return item


# positive: assignment inside try body
def c42(conn):
    try:
        rows = conn.execute("select 1")  # [DED001]
    finally:
        conn.close()


# negative: assigned in try, read in finally
def c43(conn):
    handle = None
    try:
        handle = conn.open()
    finally:
        if handle:
            handle.close()


# negative: a class defined in a function reads the outer local from a method
def c44():
    tag = "x"

    class Tagger:
        def get(self):
            return tag

    return Tagger


# negative: name read in a type annotation of a nested function
def c45():
    Alias = int

    def inner(v: Alias) -> Alias:
        return v

    return inner


# positive: a method named locals() is not the builtin
def c46(obj):
    value = 1  # [DED001]
    return obj.locals()


# negative: `+=` reads the name
def c48(counter):
    counter_local = counter
    counter_local += 1


# negative: with-as tuple target
def c49(ctx):
    with ctx as (a, b):
        pass


# positive: multiple with items: the assignment in body is unused
def c50(path):
    with open(path) as fh:
        content = fh.read()  # [DED001]


# negative: walrus in a comprehension binds in the function, and is read
def c51(items):
    [last := i for i in items]
    return last


# positive: walrus in a comprehension, never read
def c52(items):
    return [(seen := i) for i in items]  # [DED001]


# positive: `global module_value` in another function does not make this assignment global
def c53():
    module_value = 3  # [DED001]
    return None


# negative: type alias usage in cast
def c54(x):
    target_type = int
    return isinstance(x, target_type)


# negative: name read in an assert
def c55(x):
    expected = 1
    assert x == expected


# negative: name read in return of a yield expression
def c56():
    value = yield
    yield value


# positive: `x = yield` value never read
def c57():
    received = yield 1  # [DED001]
    yield 2
