# negative: test code is not checked
def helper(a: int):
    return a
