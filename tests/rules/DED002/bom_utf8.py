import re  # [DED002]
import string

DIGITS = string.digits  # négatif
