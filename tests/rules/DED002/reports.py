"""Monthly report generation."""
from __future__ import annotations
import csv, json, re  # [DED002, DED002]
import os.path  # [DED002]
import logging as log  # [DED002]
from collections import (OrderedDict,  # [DED002]
                         defaultdict)
from typing import TYPE_CHECKING, Optional

try:
    import simplejson as fastjson  # [DED002]
except ImportError:
    import json as fastjson

if TYPE_CHECKING:
    from decimal import Decimal

# negative: used names, __future__, re-exports, __all__ and string annotations
from shutil import copyfile as copyfile
from textwrap import dedent
from _report_native import render_fast
import datetime

__all__ = ["dedent"]
HEADER = ["month", "total"]
FOOTER = copyfile
FAST = render_fast
LIMIT = 100
DEFAULT_MONTH = 1
DEFAULT_YEAR = 2024
SEPARATOR = ";"
ENCODING = "utf-8"


def totals(rows: "list[Decimal]") -> Optional[int]:
    import statistics  # [DED002]
    import math
    counts = defaultdict(int)
    for row in rows:
        counts[row] += 1
    return math.floor(sum(counts.values()))


def stamp():
    from datetime import timezone  # [DED002]
    return datetime.date.today()


def reader(path):
    with open(path) as fh:
        return csv.reader(fh)

# negative: imported for its effect, or to probe for the module
try:
    import sitecustomize
except ImportError:
    pass
from _report_native import Renderer as _Renderer  # [DED002]
