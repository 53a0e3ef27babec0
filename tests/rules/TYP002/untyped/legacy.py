# negative: fewer than half of the public functions carry an annotation (consistent mode)
def load(path):
    return path


def save(path, data):
    return path


def typed(path: str):
    return path
