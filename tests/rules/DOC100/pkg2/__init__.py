from .core import Engine  # [DOC100]

ENGINE = Engine()
