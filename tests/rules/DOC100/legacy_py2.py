print "hello"  # [DOC100]
