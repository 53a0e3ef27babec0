# negative: an __init__.py re-exports what it imports
from .core import Engine
import json
