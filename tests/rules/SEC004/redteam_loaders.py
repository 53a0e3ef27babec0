"""YAML loaders: aliases, re-exported modules, file classes, unknown loaders."""
import yaml
import yaml as pyyaml
import yaml.loader
from yaml import CLoader, SafeLoader, load, unsafe_load
from yaml import FullLoader as Full


class StrictLoader(yaml.SafeLoader):
    """This file's own loader."""


def unsafe(stream):
    # positive: the module alias, an aliased loader, CLoader positional, Loader by keyword
    pyyaml.load(stream)  # [SEC004]
    load(stream, Loader=Full)  # [SEC004]
    yaml.load(stream, CLoader)  # [SEC004]
    yaml.load(stream=stream, Loader=yaml.Loader)  # [SEC004]
    yaml.load(stream, Loader=yaml.loader.FullLoader)  # [SEC004]
    return unsafe_load(stream)  # [SEC004]


def safe(stream):
    # negative: safe loaders, a loader class of this file, the safe helpers
    yaml.load(stream, Loader=SafeLoader)
    yaml.load(stream, yaml.CSafeLoader)
    yaml.load(stream, Loader=yaml.loader.SafeLoader)
    yaml.load_all(stream, Loader=yaml.BaseLoader)
    yaml.load(stream, Loader=StrictLoader)
    yaml.safe_load(stream)
    return list(yaml.safe_load_all(stream))


def unknown(stream, loader_class, settings, args):
    # negative: any other loader counts as safe, and *args may carry one
    yaml.load(stream, Loader=loader_class)
    yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    yaml.load(stream, Loader=settings.YAML_LOADER)
    yaml.load(*args)


def dump(data):
    # negative: dumping is never flagged
    return yaml.dump(data), yaml.safe_dump(data)
