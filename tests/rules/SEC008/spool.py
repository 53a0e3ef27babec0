"""Spools exports to disk before upload."""
import io
import os
import os.path
import shutil
import tempfile
from pathlib import Path
from tempfile import mktemp as make_name


def spool_csv(rows):
    # positive: tempfile.mktemp, also through `from ... import ... as`
    path = tempfile.mktemp(suffix=".csv")  # [SEC008]
    other = make_name()  # [SEC008]
    with open(path, "w") as fh:
        fh.writelines(rows)
    return path, other


def legacy_names():
    # positive: os.tempnam and os.tmpnam
    return os.tempnam("/var/spool", "exp"), os.tmpnam()  # [SEC008, SEC008]


def lock_and_copy(report):
    # positive: fixed /tmp, /var/tmp and /dev/shm paths passed to open, io.open, os, shutil, pathlib.Path
    with open("/tmp/export.lock", "w") as lock:  # [SEC008]
        lock.write(str(os.getpid()))
    log = io.open("/var/tmp/export.log", "a")  # [SEC008]
    os.makedirs("/dev/shm/export-cache", exist_ok=True)  # [SEC008]
    shutil.copy(report, "/tmp/last-report.csv")  # [SEC008]
    marker = Path("/tmp/export.done")  # [SEC008]
    marker.touch()
    # positive: a built path that starts with a literal in /tmp
    trace = open("/tmp/export-%d.trace" % os.getpid(), "w")  # [SEC008]
    named = open(file="/tmp/" + report, mode="r")  # [SEC008]
    return log, trace, named


def near_misses(report, workdir):
    # negative: a name bound to a /tmp literal is not followed
    lock_path = "/tmp/export.lock"
    open(lock_path, "w").close()
    # negative: os.path functions only look at the path
    exists = os.path.exists("/tmp/export.lock")
    joined = os.path.join("/tmp/", report)
    # negative: not a temporary directory, or /tmp without a file name part
    open("/var/lib/export/state.json").close()
    os.listdir("/tmp")
    # negative: a function that is not a path sink
    print("/tmp/export.lock")
    # negative: the safe APIs
    fd, path = tempfile.mkstemp()
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(report, os.path.join(tmp, "r.csv"))
    return exists, joined, fd, path, workdir
