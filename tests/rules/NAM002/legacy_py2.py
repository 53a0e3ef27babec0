class old_style:  # [NAM002]
    def show(self):
        print "old"


class Broken(:
    pass
