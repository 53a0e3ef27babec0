def test_sync():
    for a in range(3):
        for b in range(3):
            for c in range(3):
                for d in range(3):
                    if a == b == c == d:  # [CPX004]
                        assert a
