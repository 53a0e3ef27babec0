def test_price():  # [CPX002]
    for a in range(2):
        for b in range(2):
            for c in range(2):
                for d in range(2):
                    for e in range(2):
                        if a or b or c or d or e:
                            assert a
