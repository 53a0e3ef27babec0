"""yaml here is a ruamel.yaml YAML() instance, not the PyYAML module."""
from ruamel.yaml import YAML

yaml = YAML(typ="safe")


def read(stream):
    # negative: YAML().load is not yaml.load
    return yaml.load(stream)
