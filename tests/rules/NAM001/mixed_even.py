"""Helpers whose own names split evenly between the two styles."""
import collections


# negative (tie): 2 distinct snake_case names (load_rows, row_list) and
# 2 distinct camelCase names (sourcePath, countRows): nothing is flagged,
# although sourcePath is bound in three functions
def load_rows(sourcePath):
    with open(sourcePath) as fh:
        return fh.readlines()


def countRows(row_list):
    return len(row_list)


def backup(sourcePath):
    with open(sourcePath) as src, open(sourcePath + ".bak", "w") as dst:
        dst.write(src.read())


def restore(sourcePath):
    return load_rows(sourcePath + ".bak")


# negative: single words, UPPER_CASE, CapWords and mixed names have no style
def summarize(rows):
    MAX_WIDTH = 80
    Summary = collections.namedtuple("Summary", "count width")
    return Summary(len(rows), MAX_WIDTH)


def fetch_HTML(url):
    return url
