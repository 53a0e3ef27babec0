def test_total():
    l = [1, 2]  # [NAM003]
    assert l
