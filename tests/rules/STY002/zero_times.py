# `00` is zero in Python 3 too: it does not make the file Python 2
import datetime


class Window(object):
    def __init__(self):
        super(Window, self).__init__()  # [STY002]
        self.opens = datetime.datetime(2012, 11, 22, 12, 00, 00)
