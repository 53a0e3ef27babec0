class Broken(object):
    def __init__(self):
        super(Broken, self).__init__()  # [STY002]

    def other(self:
        pass
