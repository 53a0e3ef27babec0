"""YAML configuration loading."""
import yaml
from yaml import CSafeLoader, FullLoader, Loader, load_all

try:
    from yaml import CLoader as FastLoader
except ImportError:
    from yaml import Loader as FastLoader


class ConfigLoader(yaml.SafeLoader):
    """SafeLoader that also understands an !env tag."""


def read_config(stream):
    # positive: yaml.load without a loader
    return yaml.load(stream)  # [SEC004]


def read_full(stream):
    # positive: Loader=yaml.FullLoader
    return yaml.load(stream, Loader=yaml.FullLoader)  # [SEC004]


def read_full_positional(stream):
    # positive: FullLoader imported by name, as the second positional argument
    return yaml.load(stream, FullLoader)  # [SEC004]


def read_unsafe(stream):
    # positive: yaml.UnsafeLoader as the second positional argument
    return yaml.load(stream, yaml.UnsafeLoader)  # [SEC004]


def read_fast(stream):
    # positive: a name bound to CLoader or Loader by the imports above
    return yaml.load(stream, Loader=FastLoader)  # [SEC004]


def read_documents(stream):
    # positive: load_all and Loader imported by name
    return list(load_all(stream, Loader=Loader))  # [SEC004]


def read_c_documents(stream):
    # positive: yaml.load_all with CUnsafeLoader, and yaml.load with CFullLoader
    docs = list(yaml.load_all(stream, Loader=yaml.CUnsafeLoader))  # [SEC004]
    return docs, yaml.load(stream, Loader=yaml.CFullLoader)  # [SEC004]


def read_trusted(text):
    # positive: full_load, unsafe_load and their _all variants, one per line
    config = yaml.full_load(text)  # [SEC004]
    extra = list(yaml.full_load_all(text))  # [SEC004]
    raw = yaml.unsafe_load(text)  # [SEC004]
    docs = list(yaml.unsafe_load_all(text))  # [SEC004]
    return config, extra, raw, docs


def read_safe(stream):
    # negative: safe_load and the safe loaders SafeLoader, CSafeLoader, BaseLoader
    a = yaml.safe_load(stream)
    b = yaml.load(stream, Loader=yaml.SafeLoader)
    c = yaml.load(stream, CSafeLoader)
    d = list(yaml.load_all(stream, Loader=yaml.BaseLoader))
    return a, b, c, d


def read_with_tags(stream):
    # negative: a loader class defined in this file counts as safe
    return yaml.load(stream, Loader=ConfigLoader)


def write_config(data, stream):
    # negative: dumping is never flagged
    yaml.dump(data, stream)
    return yaml.safe_dump(data)
