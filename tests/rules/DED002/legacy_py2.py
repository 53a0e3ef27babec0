import urllib2  # [DED002]
import os

print "reading", os.getcwd()
