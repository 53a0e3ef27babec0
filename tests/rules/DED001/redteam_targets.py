"""Red-team cases: more scopes, targets and suppressions."""
import unittest

import config_store


# positive: an inner `global` read refers to the module name, not the outer local
def c60():
    settings = config_store.load()  # [DED001]

    def inner():
        global settings
        return settings

    return inner


# negative: read by a nested function defined before the assignment
def c61():
    def inner():
        return late_value

    late_value = 3
    return inner


# positive: both branches assign, never read: two findings
def c62(flag):
    if flag:
        mode = "a"  # [DED001]
    else:
        mode = "b"  # [DED001]
    return flag


# positive: a parenthesised single target is not unpacking
def c63(seq):
    (only) = seq  # [DED001]
    return seq


# negative: a one-element list target is unpacking
def c64(seq):
    [only] = seq
    return seq


# positive: chained assignment with an unpacking part: the single-name part is judged
def c65(pair):
    whole = left, right = pair  # [DED001]
    return left, right


# positive: a `:=` target in a lambda body, never read
def c66(items):
    return list(map(lambda v: (doubled := v * 2), items))  # [DED001]


# positive: test code is not exempt (a test class in a non-test file)
class MathTests(unittest.TestCase):
    def test_add(self):
        expected = 3  # [DED001]
        self.assertEqual(1 + 2, 3)


# negative: an except-as name used only in a nested lambda
def c67(func):
    try:
        func()
    except Exception as err:
        return lambda: err


# positive: reassigned in a loop, never read
def c68(items):
    for item in items:
        last_seen = item  # [DED001]
    return len(items)


# negative: read in a while condition
def c69(queue):
    pending = queue.size()
    while pending:
        pending = queue.size()


# positive: assignment to a name that shadows a module import, never read
def c70():
    config_store = None  # [DED001]
    return 1


# negative: name read as the iterable of a comprehension (evaluated in the function)
def c71(data):
    rows = data.split()
    return {r: 1 for r in rows}


# negative: a multi-line assignment read after
def c72(a, b):
    total = (
        a  # first
        + b
    )
    return total


# positive: a multi-line assignment whose value is a call, never read
def c73(client):
    response = client.post(  # [DED001]
        "/x",
        data={"a": 1},
    )


# negative: a name that is only type-annotated then read
def c74():
    limit: int = 5
    return limit


# negative: read in an except clause type expression
def c75(func):
    errors = (ValueError, TypeError)
    try:
        func()
    except errors:
        return None


# negative: dunder-ish names starting with _ are exempt
def c76():
    __all_items__ = []
    return 0


# positive: a noqa for another code does not suppress
def c77():
    junk = 1  # noqa: DED002  # [DED001]
    return 0


# negative: suppressed by name / category
def c78():
    junk = 1  # noqa: unused-variable
    junk2 = 2  # pyreview: ignore[DED]
    return 0


# negative: match capture patterns are not assignments in DED001's list
def c79(cmd):
    match cmd:
        case {"action": action_name}:
            return 1
        case [first_word, *others]:
            return 2
    return 0
