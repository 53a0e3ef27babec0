# negative: test files need no module docstring
def test_load():
    assert True
