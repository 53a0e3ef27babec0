# negative: a Python 2 file needs the arguments
class Old(object):
    def __init__(self):
        print "init"
        super(Old, self).__init__()
