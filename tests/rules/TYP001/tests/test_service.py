# negative: test code is not checked
def helper(a: int, b) -> int:
    return a


def test_fetch(client) -> None:
    assert client
