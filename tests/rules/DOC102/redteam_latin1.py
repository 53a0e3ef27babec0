# -*- coding: latin-1 -*-
# positive: a latin-1 file with a non-ASCII name
def größe(a):  # [DOC102]
    a += "é"
    a += 2
    a += 3
    a += 4
    return a
