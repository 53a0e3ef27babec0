import time

def test_legacy():
    print "waiting"
    time.sleep(10L)  # [TST006]
    assert 0777 == 511
