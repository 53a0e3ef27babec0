# Python 2 ledger
def post(entry, amount):
    print "posting", entry
    # positive: a Python 2 file
    assert amount != 0, "empty posting"  # [SEC018]
