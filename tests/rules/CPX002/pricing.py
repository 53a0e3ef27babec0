"""Order pricing."""


def price(order):  # [CPX002]
    total = 0
    if order.express:                                   # 2
        total += 10
    elif order.country != "DE":                         # 3
        total += 5
    for item in order.items:                            # 4
        total += item.price if item.taxed else 0        # 5
    while total > 100 and order.capped:                 # 6, 7
        total -= 1
    try:
        total = round(total)
    except TypeError:                                   # 8
        total = 0
    except ValueError:                                  # 9
        total = -1
    names = [i.name for i in order.items if i.name]     # 10
    return total or names or None                       # 11, 12


def exactly_ten(a, b, c, d):
    # negative: 1 + 9 decisions is not over the limit
    if a:
        pass
    if b:
        pass
    if c:
        pass
    if d:
        pass
    if a and b:
        pass
    for x in a:
        pass
    while b:
        break
    return [y for y in c if y]


async def route(command, flag):  # [CPX002]
    match command:
        case "start":                                   # 2
            return 1
        case "stop" if flag:                            # 3, 4
            return 2
        case ("a" | "b"):                               # 5
            return 3
        case _:                                         # last `case _:` adds nothing
            pass
    async for event in stream():                        # 6
        if event:                                       # 7
            check = lambda e: e if e else None          # 8 (lambdas count here)
            check(event)
    if flag or command or event:                        # 9, 10, 11
        return 0
    return -1


def outer(a):
    # negative: a nested def is measured on its own; its decisions do not count here
    def inner(b):  # [CPX002]
        if b:
            pass
        if b:
            pass
        if b:
            pass
        if b:
            pass
        if b:
            pass
        return b and b and b and b and b and b
    return inner(a)


class Handler:
    def handle(self, request):  # [CPX002]
        try:
            pass
        except* ValueError:
            pass
        with open(request) as fh:
            data = fh.read()
        if data:
            pass
        if data:
            pass
        if data:
            pass
        if data:
            pass
        if data:
            pass
        if data:
            pass
        if data:
            pass
        else:
            pass
        return data if data else {k: v for k, v in data.items() if v}
