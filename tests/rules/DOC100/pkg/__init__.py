# negative: an __init__.py holding only imports and __all__
from .core import Engine
__all__ = ["Engine"]
