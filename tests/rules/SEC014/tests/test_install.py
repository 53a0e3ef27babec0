"""SEC014 also runs in test code."""
import os


def test_world_writable(tmp_path):
    # positive: flagged in tests too
    os.chmod(tmp_path, 0o777)  # [SEC014]
    # negative: read-only
    os.chmod(tmp_path, 0o400)
