# A call left open while typing: the comprehension inside the broken
# statement still reads `os` and `sys`; `json` is unused
import json  # [DED002]
import os
import sys

pending = (1,

[sys.argv for _ in os.listdir(".")]
