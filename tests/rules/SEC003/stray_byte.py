"""Report helper whose string literal holds a stray byte that is not UTF-8."""


def total_line(expr):
    # positive: the undecodable byte before the call counts one column (U+FFFD)
    print("Café total:", eval(expr))  # [SEC003]
