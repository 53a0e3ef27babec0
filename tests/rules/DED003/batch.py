"""Batch processing helpers."""
import warnings

# positive: a module-level loop whose variable is never read
for category in (DeprecationWarning, PendingDeprecationWarning):  # [DED003]
    warnings.simplefilter("default")


def retry(func, attempts):
    # positive: a loop counter never read
    for attempt in range(attempts):  # [DED003]
        if func():
            return True
    return False


def print_keys(settings):
    # positive: the unused part of a tuple target
    for key, value in settings.items():  # [DED003]
        print(key)


def total_scores(rows):
    total = 0
    # positive (two findings): two unused names of a nested tuple target
    for index, (name, score) in enumerate(rows):  # [DED003, DED003]
        total += score
    return total


async def drain(stream):
    count = 0
    # positive: an `async for` target never read
    async for message in stream:  # [DED003]
        count += 1
    return count


def warm_up(cache, rounds):
    # negative: _ and _-prefixed names are exempt
    for _ in range(rounds):
        cache.touch()
    for _round in range(rounds):
        cache.touch()


def last_line(fh):
    line = None
    # negative: the loop variable is read after the loop
    for line in fh:
        pass
    return line


def find(items, wanted):
    # negative: read in the loop body
    for item in items:
        if item == wanted:
            return item
    return None


def callbacks_for(events, dispatch):
    handlers = []
    # negative: read in a lambda inside the body
    for event in events:
        handlers.append(lambda event=event: dispatch(event))
    return handlers


def sum_amounts(pairs):
    total = 0
    # negative: every name that is not `_` is read
    for _, amount in pairs:
        total += amount
    for i, row in enumerate(pairs):
        print(i, row)
    return total


def zeros(n):
    # negative: comprehension variables are not for-statement targets (see NOTES.md)
    return [0 for slot in range(n)]


def names_saying_unused(rows):
    # negative: dummy, unused* and ignored* say they are unused
    for dummy in rows:
        ping()
    for unused_index, ignored_value in rows:
        ping()
    for unusual in rows:  # [DED003]
        ping()
