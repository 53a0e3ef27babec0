"""Account synchronisation."""


def sync(accounts):
    for account in accounts:
        if account.active:
            for item in account.items:
                if item.changed:
                    try:  # [CPX004]
                        push(item)
                    except Conflict:
                        merge(item)


async def sync_async(accounts):
    while accounts:
        with lock:
            try:
                if accounts[0]:
                    async for row in fetch():  # [CPX004]
                        if row:
                            # deeper blocks inside are not reported again
                            for x in row:
                                store(x)
            finally:
                release()


def clauses(value):
    if value:
        pass
    elif value is None:
        for a in value:
            while a:
                match a:
                    case 1:
                        with open(a) as fh:  # [CPX004]
                            read(fh)
                    case _:
                        pass


# negative: depth 4 without a compound statement, and nested defs count anew
def flat_enough(rows):
    for row in rows:
        if row:
            for cell in row:
                if cell:
                    print(cell)
                else:
                    print("empty")

                    def helper():
                        if cell:
                            for c in cell:
                                if c:
                                    return c
                    helper()


class Report:
    def render(self, rows):
        for row in rows:
            if row:
                try:
                    with row:
                        if row.ok:  # [CPX004]
                            emit(row)
                except ValueError:
                    pass


# negative: module-level code is not in a function
for a in range(3):
    if a:
        for b in range(a):
            if b:
                while b:
                    if b > 1:
                        b -= 1
