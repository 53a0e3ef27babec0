"""A file-based cache and lock management."""
import io
import os
import shutil
import sys
from os.path import exists, isfile
from pathlib import Path


def read_cached(path):
    # positive: exists, then open in the branch
    if os.path.exists(path):  # [SEC015]
        with open(path, "rb") as fh:
            return fh.read()
    return None


def ensure_dir(directory):
    # positive: a negated check, then makedirs (imported name `exists`)
    if not exists(directory):  # [SEC015]
        os.makedirs(directory)


def load_config(path):
    # positive: the if body ends in return; the later open uses the same path
    if not isfile(path):  # [SEC015]
        return {}
    with io.open(path, encoding="utf-8") as fh:
        return fh.read()


def write_report(path, text):
    # positive: os.access, then os.open
    if os.access(path, os.W_OK):  # [SEC015]
        fd = os.open(path, os.O_WRONLY)
        os.write(fd, text.encode())
        os.close(fd)


def clean(target):
    # positive: elif check; the use is in the elif's branch
    if target is None:
        return
    elif os.path.isdir(target):  # [SEC015]
        shutil.rmtree(target)
    else:
        # the else branch is a branch of that if too: this use joins the same finding
        os.remove(target)


def rotate(log_file, backup):
    # positive: two checks of the same path in one test are one finding; use in the else branch
    if os.path.exists(log_file) and not os.path.islink(log_file):  # [SEC015]
        pass
    else:
        os.rename(log_file, backup)


def stop_if_missing(path):
    # positive: the body ends in sys.exit(), a terminator
    if not os.path.lexists(path):  # [SEC015]
        sys.exit(1)
    os.unlink(path)


def each_file(paths):
    for p in paths:
        # positive: continue is a terminator
        if not os.path.isfile(p):  # [SEC015]
            continue
        os.remove(p)


def replace_file(tmp, dest):
    # positive: an if/else whose every branch returns terminates too
    if not os.path.exists(tmp):  # [SEC015]
        if dest:
            return False
        else:
            raise FileNotFoundError(tmp)
    os.replace(tmp, dest)
    return True


class Store:
    def __init__(self, root):
        self.root = root

    def reset(self):
        # positive: an attribute chain, textually identical
        if os.path.isdir(self.root):  # [SEC015]
            shutil.rmtree(self.root)
        os.mkdir(self.root)

    def prune(self, name):
        # negative: a different path is used
        if os.path.exists(self.root):
            os.remove(name)
        # negative: reassigned before the use
        path = os.path.join(self.root, name)
        if os.path.exists(path):
            path = path + ".bak"
            os.remove(path)
        # negative: the checked path is not the first argument
        if not os.path.exists(path):
            shutil.copy(name, path)


def no_terminator(path):
    # negative: the body does not end in a terminator, so the later use is not paired
    if not os.path.exists(path):
        print("creating", path)
    open(path, "a").close()


def pathlib_only(path):
    p = Path(path)
    # negative: pathlib methods are not covered
    if p.exists():
        p.unlink()
    # negative: a while test is not an if test
    while os.path.exists(path):
        os.remove(path)
    # negative: a use inside a nested function is not in the branch
    if os.path.exists(path):
        def later():
            return open(path)
        return later
    # negative: a subscript is not a name or attribute chain
    parts = [path]
    if os.path.exists(parts[0]):
        os.remove(parts[0])


def outer_use(path, flag):
    if flag:
        # negative: the return ends the inner if's body, but the use is outside that block
        if not os.path.exists(path):
            return
    os.remove(path)
