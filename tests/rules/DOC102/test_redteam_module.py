# negative: a test_*.py file is test code
def build(a):
    a += 1
    a += 2
    a += 3
    a += 4
    return a
