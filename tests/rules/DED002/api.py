"""Public API of the package (negative: a facade re-exports what it imports)."""
from .engine import Engine
from .engine import Session
from .rows import Row
from .rows import RowProxy
from .types import Integer
from .types import String
from .types import Text

VERSION = "1.0"
