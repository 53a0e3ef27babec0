"""SEC015 runs in tests too."""
import os


def test_cleanup(tmp_path):
    path = str(tmp_path / "x")
    # positive: in a test file
    if os.path.exists(path):  # [SEC015]
        os.remove(path)
