import os
import sys  # [DED002]


def größe(path):
	return os.path.getsize(path)  # ä
