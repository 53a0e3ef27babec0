"""A checked path written across lines: the message quotes it on one line."""
import os


def remove(self):
    if os.path.exists(  # [SEC015]
            self.
            lock_path):
        os.remove(
            self.
            lock_path)
