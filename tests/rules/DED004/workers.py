"""Background workers."""
import os
import sys
from typing import NoReturn


def die(message) -> NoReturn:
    sys.stderr.write(message)
    sys.exit(2)


def load(path):
    if not path:
        raise ValueError("no path")
        log("empty path")  # [DED004]
        path = "."
    return open(path).read()


def pick(items):
    for item in items:
        if item:
            break
            print("found")  # [DED004]
        else:
            continue
            print("skip")  # [DED004]
    return None


def choose(flag):
    if flag:
        return 1
    elif flag is None:
        return 0
    else:
        raise KeyError(flag)
    cleanup()  # [DED004]
    return -1


def fetch(url):
    try:
        return get(url)
    except OSError:
        return None
    finally:
        close()
    log("done")  # [DED004]


def serve():
    while True:
        handle()
    shutdown()  # [DED004]


def main(argv):
    if not argv:
        # negative: a NoReturn function defined in another function is not
        # followed (the incremental review keeps each function's findings)
        die("usage")
        return 2
    os._exit(0)
    main(argv)  # [DED004]


def route(command):
    match command:
        case "stop":
            return 0
        case _:
            raise SystemExit(1)
    print("never")  # [DED004]


# negative: loops without a break of their own, a try without terminators
def poll():
    while True:
        if ready():
            break
    done()
    for _ in range(3):
        return 1
    try:
        work()
    except OSError:
        pass
    with open("x") as fh:
        return fh.read()
    print("reachable: with never terminates")


def if_without_else(flag):
    if flag:
        return 1
    return 2


# negative: the generator idiom, `raise` then a lone `yield`
def empty_generator():
    raise TypeError
    yield


def exits_then_code():
    quit()
    a = 1  # [DED004]
    b = 2
    # a comment does not matter
    return a + b


if __name__ == "__main__":
    die("usage")
    main(sys.argv)  # [DED004]
