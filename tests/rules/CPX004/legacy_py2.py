def report(rows):
    for row in rows:
        if row:
            for cell in row:
                if cell:
                    if cell > 1:  # [CPX004]
                        print "big", cell


def broken(:
    pass
