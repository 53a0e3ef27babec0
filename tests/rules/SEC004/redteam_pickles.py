"""Pickle-family loaders through aliases, fallbacks and function-level imports."""
import numpy
import numpy as np
import torch
from dill import Unpickler as DillUnpickler
from numpy import load as load_array
from pandas import read_pickle
from six.moves import cPickle
from torch import load as load_checkpoint

try:
    import cPickle as pickle
except ImportError:
    import pickle


def pickles(blob, fh):
    # positive: the try/except import, six.moves.cPickle, dill.Unpickler under another name
    pickle.loads(blob)  # [SEC004]
    cPickle.load(fh)  # [SEC004]
    return DillUnpickler(fh).load()  # [SEC004]


def arrays(path, flag):
    # positive: allow_pickle=True, through an alias and the module
    load_array(path, allow_pickle=True)  # [SEC004]
    numpy.load(path, mmap_mode=None, allow_pickle=True)  # [SEC004]
    # negative: allow_pickle absent, False or not a constant
    np.load(path)
    np.load(path, allow_pickle=False)
    return np.load(path, allow_pickle=flag)


def checkpoints(path, options):
    # positive: torch.load without weights_only=True, imported by name too
    load_checkpoint(path)  # [SEC004]
    torch.load(path, map_location="cpu", weights_only=False)  # [SEC004]
    # negative: weights_only=True
    return torch.load(path, map_location="cpu", weights_only=True)


def frames_and_shelves(path):
    import joblib
    import shelve
    # positive: read_pickle imported by name, shelve.open in a with, joblib.load with options
    frame = read_pickle(path)  # [SEC004]
    with shelve.open(path, flag="r") as db:  # [SEC004]
        keys = list(db)
    return frame, keys, joblib.load(path, mmap_mode="r")  # [SEC004]


def references(blobs):
    # negative: references to loads are not calls
    loader = pickle.loads
    return list(map(pickle.loads, blobs)), loader


def not_modules(data, pickle_module):
    # negative: a parameter named like a module
    return pickle_module.loads(data)


class Cache:
    def __init__(self, backend):
        self.pickle = backend

    def get(self, key):
        # negative: a loads method on an attribute
        return self.pickle.loads(key)


def test_roundtrip(blob):
    # positive: test functions are checked too
    assert pickle.loads(blob) == 1  # [SEC004]
    # negative: a round trip through the matching dump is a deep copy
    assert pickle.loads(pickle.dumps(1)) == 1
