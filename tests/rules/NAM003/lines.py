"""Line statistics."""
import string as O  # [NAM003]


def total(lines):
    l = 0  # [NAM003]
    for line in lines:
        l += len(line)
    l = l * 2
    return l


def pairs(items):
    for I, value in items:  # [NAM003]
        print(I, value)
    return [l for l in items]  # [NAM003]


def scale(l, factor=1):  # [NAM003]
    key = lambda O: O.size  # [NAM003]
    if (I := factor):  # [NAM003]
        return l * I
    with open("x") as O:  # [NAM003]
        return O.read(), key


def handle():
    try:
        pass
    except ValueError as l:  # [NAM003]
        return l


def route(command):
    match command:
        case [I, *rest]:  # [NAM003]
            return I, rest


class I:  # [NAM003]
    pass


def O():  # negative: O is bound above in this scope (the import)
    pass


# negative: attributes, keyword arguments, dict keys, longer names and plain imports
def fine(obj):
    obj.l = 1
    call(l=2)
    data = {"O": 3, "I": 4}
    ll = Il = O1 = 0
    return data, ll, Il, O1


def captures(command):
    match command:
        case {"key": O}:  # [NAM003]
            return O
        case Point(x=l):  # [NAM003]
            return l
        case [*I]:  # [NAM003]
            return I
        case Point(l=value) | Other.l:
            # negative: a keyword, a dotted value pattern
            return value
