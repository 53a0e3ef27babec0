# Python 2 module (print statement, `except E, e`): the rule still applies.
import cPickle as pickle


def load(path):
    try:
        fh = open(path, "rb")
    except IOError, e:
        print "cannot open", path, e
        return None
    # positive: cPickle.load through `import cPickle as pickle`
    return pickle.load(fh)  # [SEC004]


def dump(obj, path):
    # negative: dumping is never flagged
    pickle.dump(obj, open(path, "wb"), 2)
