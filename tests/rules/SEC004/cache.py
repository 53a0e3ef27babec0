"""Disk and network caches for the crawler."""
import _pickle
import io
import json
import marshal
import pickle
import shelve
from pickle import loads as unpickle

import dill
import jsonpickle


def read_cache(path):
    with open(path, "rb") as fh:
        # positive: pickle.load
        return pickle.load(fh)  # [SEC004]


def decode_message(payload):
    # positive: pickle.loads imported under another name
    return unpickle(payload)  # [SEC004]


def stream_objects(fh):
    # positive: pickle.Unpickler (its .load() method below is not a second finding)
    unpickler = pickle.Unpickler(fh)  # [SEC004]
    return unpickler.load()


def fast_loads(payload):
    # positive: the _pickle accelerator module
    return _pickle.loads(payload)  # [SEC004]


def load_session(blob):
    # positive: dill.loads
    return dill.loads(blob)  # [SEC004]


def open_index(path):
    # positive: shelve.open unpickles the values it reads
    return shelve.open(path)  # [SEC004]


def load_code(path):
    with open(path, "rb") as fh:
        # positive: marshal.load
        return marshal.load(fh)  # [SEC004]


def load_bytecode(blob):
    # positive: marshal.loads
    return marshal.loads(blob)  # [SEC004]


def restore_job(state):
    # positive: jsonpickle.decode
    return jsonpickle.decode(state)  # [SEC004]


def save_cache(path, value):
    # negative: serialising (dump, dumps, encode) is never flagged
    with open(path, "wb") as fh:
        pickle.dump(value, fh)
    return pickle.dumps(value), marshal.dumps(value), dill.dumps(value), jsonpickle.encode(value)


class RestrictedUnpickler(pickle.Unpickler):
    """Only allows a few harmless classes (the recipe from the pickle docs)."""

    def find_class(self, module, name):
        if module == "builtins" and name in {"range", "complex", "set", "frozenset"}:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden")


def restricted_loads(data):
    # negative: a subclass defined in this file is not pickle.Unpickler (the base is not a call)
    return RestrictedUnpickler(io.BytesIO(data)).load()


def read_json(path):
    # negative: json is not a pickle format
    with open(path) as fh:
        return json.load(fh)
