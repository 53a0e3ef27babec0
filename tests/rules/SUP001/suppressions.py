"""Suppression comments reviewed with only SUP001 selected: every other rule is off here."""
# negative: a bare noqa is shared with other tools (a long line, a re-export)
import os  # noqa
import sys


def load(path):
    data = open(path).read()  # noqa
    return data  # noqa: SEC01  # [SUP001]


def save(path, data):  # noqa:SEC999, TST0001  # [SUP001, SUP001]
    with open(path, "w") as handle:  # pyreview: ignore[F401]  # [SUP001]
        handle.write(data)  # pyreview: ignore[sql-injektion]  # [SUP001]


# negative: codes of other tools in a noqa list are theirs (flake8, Ruff, bandit)
VALUE = 1  # noqa: F401, E501, S101, PLR0913
# negative: an item naming a rule that is turned off (here: every rule but SUP001)
NAME = "x"  # noqa: DED001, sql-injection, SEC
# negative: bandit's comment
TOKEN = os.environ.get("TOKEN")  # nosec
# negative: noqa inside a string is text
MESSAGE = "add # noqa to silence it"
# negative: an item naming SUP001 itself
OTHER = 2  # noqa: SUP001
# negative: a word that is not an item ends the list
LAST = 3  # noqa: SEC001 -- vendored, see NOTES


def broken(:  # noqa
    pass
print(sys.argv)  # noqa: SEC001, sup999  # [SUP001]
