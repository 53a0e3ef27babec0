"""Test code is checked too (no test-code flag)."""
import tarfile


def test_unpack_fixture(tmp_path):
    with tarfile.open("fixtures/bundle.tar") as tf:
        # positive: in a test file
        tf.extractall(tmp_path)  # [SEC011]
