# positive: before a syntax error
def test_before():  # [TST003]
    run()


# negative: the test holding the syntax error is not judged
def test_broken():
    value = run(1,, 2)


# positive: after a syntax error
def test_after():  # [TST003]
    run()
