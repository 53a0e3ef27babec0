class Printer:  # [DOC101]
    def show(self):
        print "x"


class Broken(:
    pass
