"""Red-team cases: tuple targets part by part, reads after the loop, nested and async loops."""
import asyncio


# positive: simple unused loop variable
def c1(n, work):
    for i in range(n):  # [DED003]
        work()


# negative: read after the loop
def c2(items):
    for item in items:
        pass
    return item


# negative: read after the loop, in a nested function defined after
def c3(items):
    for item in items:
        pass

    def last():
        return item

    return last


# positive: tuple target, each part separately (two unused)
def c4(pairs, work):
    for key, value in pairs:  # [DED003, DED003]
        work()


# positive: parenthesised tuple target with one unused
def c5(pairs):
    for (key, value) in pairs:  # [DED003]
        print(key)


# positive: list target with one unused
def c6(pairs):
    for [key, value] in pairs:  # [DED003]
        print(value)


# positive: starred target unused
def c7(rows):
    for first, *rest in rows:  # [DED003]
        print(first)


# positive: nested loops: inner variable unused, outer used
def c8(grid):
    total = 0
    for row in grid:
        for cell in row:  # [DED003]
            total += 1
    return total


# positive: nested loops: outer variable unused (inner iterates something else)
def c9(grid, cells):
    total = 0
    for row in grid:  # [DED003]
        for cell in cells:
            total += cell
    return total


# negative: outer variable read in the inner loop's iterable
def c10(grid):
    total = 0
    for row in grid:
        for cell in row:
            total += cell
    return total


# positive: async for unused
async def c11(stream):
    n = 0
    async for chunk in stream:  # [DED003]
        n += 1
    return n


# negative: comprehension for is not flagged
def c12(n):
    return [0 for unused in range(n)]


# negative: generator expression / set / dict comprehension
def c13(n):
    a = sum(1 for unused in range(n))
    b = {0 for unused2 in range(n)}
    c = {k: 0 for k, unused3 in n}
    return a, b, c


# negative: _ prefixed
def c14(pairs, work):
    for _key, value in pairs:
        work(value)
    for _, __ in pairs:
        work()


# negative: read in the else clause of the loop
def c15(items):
    for item in items:
        if item:
            break
    else:
        return None
    return 1


# negative: read in the loop's else clause (after the loop body)
def c16(items):
    for item in items:
        pass
    else:
        print(item)


# negative: read in a nested function in the body
def c17(items, register):
    for item in items:
        register(lambda: item)


# negative: read in a comprehension in the body
def c18(items):
    out = []
    for item in items:
        out.append([item for _ in range(2)])
    return out


# negative (name-level reading): the name is read in the body, after a reassignment
def c19(items):
    for item in items:
        item = 1
        print(item)


# negative: augmented assignment reads it
def c20(items):
    for item in items:
        item += 1


# negative: del reads it
def c21(items):
    for item in items:
        del item


# positive: a for loop inside a while loop
def c22(queue, work):
    while queue:
        for attempt in range(3):  # [DED003]
            work()


# positive: module-level loop
for module_idx in range(3):  # [DED003]
    pass


# negative: module-level loop variable read later at module level
for module_last in range(3):
    pass
print(module_last)


# negative: module-level loop variable read in a function of the module
for module_seen in range(3):
    pass


def uses_module_seen():
    return module_seen


# positive: a method in a class
class Runner:
    def run(self, jobs):
        for job in jobs:  # [DED003]
            self.tick()


# negative: loop variable read in the f-string format spec
def c23(values):
    for width in values:
        print(f"{1:{width}}")


# positive: the loop variable is only a keyword argument name, not read
def c24(items, f):
    for name in items:  # [DED003]
        f(name=1)


# negative: target attribute / subscript are not names
def c25(obj, items, d):
    for obj.attr in items:
        pass
    for d["k"] in items:
        pass


# positive: tuple target inside enumerate with nested tuple: one part unused
def c26(rows):
    for idx, (left, right) in enumerate(rows):  # [DED003]
        print(idx, left)


# negative: global loop variable in a function
def c27(items):
    global module_idx
    for module_idx in items:
        pass


# negative: the function calls locals()
def c28(items):
    for item in items:
        pass
    return locals()


# positive: name only in a string
def c30(items):
    for item in items:  # [DED003]
        print("item")


# negative: noqa
def c31(items, work):
    for item in items:  # noqa: DED003
        work()
    for item2 in items:  # noqa: unused-loop-variable
        work()


# negative: read as a match subject
def c32(events):
    for event in events:
        match event:
            case {"type": "x"}:
                pass
            case _:
                pass


# negative: a walrus in the body reads it
def c33(items):
    for item in items:
        if (n := item):
            return n


# positive: async for with tuple target, one part unused
async def c34(stream):
    async for key, payload in stream:  # [DED003]
        await asyncio.sleep(payload)
