"""An import whose alias is written on the next line inside brackets: the
message quotes it on one line."""
from collections import (Counter as  # [DED002]
                         Tally,
                         deque)

# negative: used across lines as well
from itertools import (chain as
                       joined)

print(deque(), joined([]))
