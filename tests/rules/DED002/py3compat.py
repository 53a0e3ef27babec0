# negative: a compatibility module re-exports what it imports
import pickle
from io import StringIO
