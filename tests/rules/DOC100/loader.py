import csv  # [DOC100]


def load(path):
    return list(csv.reader(open(path)))
