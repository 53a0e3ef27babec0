"""Statement counts."""
import functools
import logging

log = logging.getLogger(__name__)


# positive: five `;`-separated statements on the def line
def one_liner(a): x = a; y = x; z = y; w = z; return w  # [DOC102]


# positive: with (1) + 3 nested + return (1) = 5
def with_block(path):  # [DOC102]
    with open(path) as fh:
        data = fh.read()
        data = data.strip()
        log.debug("read %s", path)
    return data


# negative: for/else: for (1) + body (1) + else body (1) + return (1) = 4
def for_else(items):
    for item in items:
        log.debug("%s", item)
    else:
        log.debug("done")
    return items


# positive: while/else: while (1) + 2 + else body (1) + return (1) = 5
def while_else(n):  # [DOC102]
    while n > 0:
        n -= 1
        log.debug("%d", n)
    else:
        log.debug("done")
    return n


# positive: try (1) + except, else and finally bodies (1 each) + the try body (1) = 5
def try_all(fn):  # [DOC102]
    try:
        value = fn()
    except ValueError:
        value = None
    else:
        log.debug("ok")
    finally:
        log.debug("done %s", value)


# negative: match (1) + 3 case bodies = 4
def match_three(command):
    match command:
        case "start":
            return 1
        case "stop":
            return 2
        case _:
            return 0


# positive: match (1) + 4 case bodies = 5
def match_four(command):  # [DOC102]
    match command:
        case "start":
            return 1
        case "stop":
            return 2
        case "pause":
            return 3
        case _:
            return 0


# negative: except* clauses are not statements: try (1) + 3 = 4
def except_group(fn):
    try:
        fn()
    except* ValueError:
        log.debug("value")
    except* TypeError:
        log.debug("type")


# negative: a nested class counts 1: 3 + 1 = 4
def make_class(base):
    name = base.__name__
    log.debug("%s", name)

    class Derived(base):
        a = 1
        b = 2
        c = 3
        d = 4

    return Derived


# negative: a decorated nested def counts 1 and its decorators nothing: 3 + 1 = 4
def make_cached(fn):
    log.debug("wrapping")
    size = 128

    @functools.lru_cache(maxsize=size)
    @functools.wraps(fn)
    def wrapper(*args):
        a = fn(*args)
        b = a
        c = b
        return c

    return wrapper


# positive: a string that is not the first statement is no docstring, and counts
def late_string(a):  # [DOC102]
    a += 1
    """Not a docstring."""
    a += 2
    a += 3
    return a


# negative: a docstring after a comment is still the docstring
def doc_after_comment(a):
    # leading comment
    """Docstring."""
    a += 1
    a += 2
    a += 3
    a += 4
    return a


# negative: raw and implicitly concatenated docstrings
def raw_doc(a):
    r"""Raw docstring with \d."""
    a += 1
    a += 2
    a += 3
    a += 4
    return a


def concat_doc(a):
    "Part one, " "part two."
    a += 1
    a += 2
    a += 3
    a += 4
    return a


# positive: an f-string first statement is not a docstring (`__doc__` stays None), and counts
def fdoc(a):  # [DOC102]
    f"Not a docstring {a}"
    a += 1
    a += 2
    a += 3
    return a


# positive: a bytes literal first statement is not a docstring either
def bdoc(a):  # [DOC102]
    b"not a docstring"
    a += 1
    a += 2
    a += 3
    return a


# positive: async with / async for
async def pump(source, sink):  # [DOC102]
    async with sink:
        async for chunk in source:
            await sink.write(chunk)
    log.debug("pumped")
    return sink


# positive: global, assert, del, pass and return count 1 each
def counters(key):  # [DOC102]
    global COUNTERS
    assert key
    del COUNTERS[key]
    pass
    return None


# positive: the one-line compound `if x: a; b` counts 3, + 2 = 5
def compact(x):  # [DOC102]
    if x: x += 1; x *= 2
    log.debug("%s", x)
    return x


# negative: lambdas and comprehensions are expressions (3 statements)
def lambdas(items):
    key = lambda item: (item.a, item.b, item.c)
    ordered = sorted([i for i in items if i], key=key)
    return ordered


# positive: a type alias statement counts 1
def aliases():  # [DOC102]
    type Vector = list[float]
    a = 1
    b = a
    c = b
    return c


# positive: a multi-line header: the finding is at the name
def multi_line(  # [DOC102]
    a,
    b,
):
    a += 1
    a += 2
    a += 3
    a += 4
    return a + b


# negative: noqa on the last line of the header
def suppressed(
    a,
):  # noqa: DOC102
    a += 1
    a += 2
    a += 3
    a += 4
    return a
