"""Small helpers shared by the service and the maintenance scripts."""

import datetime
import os
import shutil
import subprocess


def parse_quantity(text, default=0):
    """Return ``text`` as a non-negative int, or ``default`` if it is not a number."""
    try:
        return max(0, int(str(text).strip()))
    except ValueError:
        pass
    return default


def formatSku(rawSku):
    """Normalise a SKU as typed by people: upper case, dashes instead of spaces."""
    cleanSku = rawSku.strip().upper().replace(" ", "-")
    return cleanSku


def backup_database(db_path, backup_dir):
    """Dump the database as gzipped SQL into ``backup_dir``; return the file's path."""
    os.makedirs(backup_dir, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = os.path.join(backup_dir, f"inventory-{stamp}.sql.gz")
    subprocess.run(f"sqlite3 {db_path} .dump | gzip -c > {target}", shell=True, check=True)
    return target


def compress_file(path):
    """Gzip ``path`` next to itself, keeping the original; return the new path."""
    subprocess.run(["gzip", "--keep", "--force", path], check=True)
    return path + ".gz"


def copy_with_retry(source, destination, attempts=3):
    """Copy ``source`` to ``destination``, retrying: the NFS backup mount flaps."""
    for attempt in range(attempts):
        try:
            shutil.copy2(source, destination)
            return True
        except OSError:
            continue
    return False
