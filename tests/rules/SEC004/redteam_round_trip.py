"""Round trips: a load of the matching dump is a deep copy, not outside data."""
import cPickle
import marshal
import pickle
import pickle as pk
from pickle import dumps, loads

import jsonpickle


def deep_copy(obj):
    # negative: pickle.loads of pickle.dumps of the same module
    return pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))


def deep_copy_alias(obj, code):
    # negative: through an alias and from-imports, marshal and jsonpickle too
    a = pk.loads(pk.dumps(obj))
    b = loads(dumps(obj))
    c = marshal.loads(marshal.dumps(code))
    d = jsonpickle.decode(jsonpickle.encode(obj))
    return a, b, c, d


def not_direct(obj):
    # positive: the dump is not directly the argument
    blob = pickle.dumps(obj)
    return pickle.loads(blob)  # [SEC004]


def other_module(obj):
    # positive: a dump of another module
    return pickle.loads(cPickle.dumps(obj))  # [SEC004]


def wrapped(obj, key):
    # positive: the dump's bytes pass through another call first
    return pickle.loads(decrypt(pickle.dumps(obj), key))  # [SEC004]


def mismatched(obj):
    # positive: load (a file) of dumps (bytes) is no round trip
    return pickle.load(pickle.dumps(obj))  # [SEC004]
