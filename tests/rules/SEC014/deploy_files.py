"""Installs the service's files and directories."""
import os
import stat
from os import chmod as set_mode
from pathlib import Path
import pathlib

from stat import S_IWOTH, S_IRWXU

RUN_DIR = Path("/run/service")
LOG_MODE = 0o666


def install_script(path):
    # positive: world-writable executable
    os.chmod(path, 0o777)  # [SEC014]
    # negative: owner writes, everyone reads and executes
    os.chmod(path, 0o755)


def create_dirs(base):
    # positive: mode passed by keyword, group-writable
    os.makedirs(os.path.join(base, "cache"), mode=0o775, exist_ok=True)  # [SEC014]
    # positive: os.mkdir with a decimal literal (511 == 0o777)
    os.mkdir(os.path.join(base, "spool"), 511)  # [SEC014]
    # negative: the default mode is not a literal mode in the call
    os.makedirs(os.path.join(base, "data"), exist_ok=True)
    # negative: private directory
    os.mkdir(os.path.join(base, "keys"), 0o700)
    # negative: 0o711 lets others traverse, not write
    os.mkdir(os.path.join(base, "pub"), 0o711)


def share_log(fd):
    # positive: fchmod with stat constants combined with |
    os.fchmod(fd, stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IWGRP)  # [SEC014]
    # positive: an imported constant alone
    os.lchmod("/var/log/service.log", S_IWOTH)  # [SEC014]
    # positive: the chmod alias imported from os, and + and ^ combinations
    set_mode("/var/log/service.log", (S_IRWXU + 0o060) ^ 0o040)  # [SEC014]
    # negative: & masks the write bits away
    os.chmod("/var/log/service.log", 0o777 & 0o755)
    # negative: 0o644
    os.chmod("/var/log/service.log", 0o644)
    # negative: a name, even bound to a literal, is not a literal mode
    os.chmod("/var/log/service.log", LOG_MODE)


def copy_mode(src, dst):
    # negative: a mode computed at run time is not literal
    os.chmod(dst, os.stat(src).st_mode | stat.S_IEXEC)
    # negative: a parameter
    os.chmod(dst, src)


def prepare_run_dir(work: Path, other):
    # positive: a pathlib object from a module-level Path(...)
    RUN_DIR.mkdir(mode=0o777, parents=True, exist_ok=True)  # [SEC014]
    # positive: chmod on a derived path
    (RUN_DIR / "socket").chmod(0o666)  # [SEC014]
    # positive: a parameter annotated Path
    work.chmod(0o770)  # [SEC014]
    # positive: a local bound once to a pathlib call
    tmp = pathlib.Path.home() / ".cache" / "service"
    tmp.parent.mkdir(0o777)  # [SEC014]
    # negative: `other` is not known to be a path (it could be an FTP client)
    other.chmod(0o777)
    other.mkdir(mode=0o777)
    # negative: a pathlib mkdir without a mode
    RUN_DIR.mkdir(exist_ok=True)


class Installer:
    def fix_permissions(self, path):
        # positive: a multi-line call in a method; group-writable via S_IRWXG
        os.chmod(  # [SEC014]
            path,
            stat.S_IRWXU | stat.S_IRWXG,
        )
