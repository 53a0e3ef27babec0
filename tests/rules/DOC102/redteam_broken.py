def broken(a):
    a = call(1,, 2)


# positive: after a syntax error
def after(a):  # [DOC102]
    a += 1
    a += 2
    a += 3
    a += 4
    return a
