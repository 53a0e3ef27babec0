"""Reports."""


def monthly(rows):
    total = 0
    for row in rows:
        if row.valid:
            total += row.amount
    average = total / len(rows)
    peak = max(r.amount for r in rows)
    low = min(r.amount for r in rows)
    spread = peak - low
    return total, average, spread


def yearly(rows):
    total = 0  # [DUP001]
    for row in rows:
        if row.valid:
            total += row.amount
    average = total / len(rows)
    peak = max(r.amount for r in rows)
    low = min(r.amount for r in rows)
    spread = peak - low
    return total, average, spread, "year"


def weekly(rows):
    # negative: one literal differs (1 is not 1.0), so nothing repeats
    total = 0.0
    for row in rows:
        if row.valid:
            total += row.amount
    average = total / len(rows)
    peak = max(r.amount for r in rows)
    low = min(r.amount for r in rows)
    spread = peak - low
    return total


def daily(rows):
    # negative: a compound statement must match with its whole body
    total = 0
    for row in rows:
        if row.valid:
            total -= row.amount
    average = total / len(rows)
    peak = max(r.amount for r in rows)
    low = min(r.amount for r in rows)
    spread = peak - low
    return spread
