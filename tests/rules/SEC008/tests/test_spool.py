"""In tests, fixed /tmp paths are allowed, mktemp is not."""
import tempfile


def test_spool_writes_file():
    # negative: a fixed /tmp path in a test file (not in tests)
    with open("/tmp/spool-test.csv", "w") as fh:
        fh.write("a,b\n")
    # positive: mktemp is flagged in tests too
    name = tempfile.mktemp()  # [SEC008]
    assert name
