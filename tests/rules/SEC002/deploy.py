"""Deployment helpers run from the release pipeline."""
import subprocess
import subprocess as sp
from subprocess import Popen, check_output, getoutput

# a module-level name bound once to a literal is a literal value
RSYNC = "rsync -az --delete build/ deploy@web1:/srv/app/"


def package(archive, source_dir):
    # positive: subprocess.run with an f-string command and shell=True
    subprocess.run(f"tar czf {archive} {source_dir}", shell=True, check=True)  # [SEC002]


def remove_release(path):
    # positive: subprocess.call with a concatenated command
    return subprocess.call("rm -rf " + path, shell=True)  # [SEC002]


def run_hook(hook_cmd):
    # positive: check_call with a parameter as the command
    subprocess.check_call(hook_cmd, shell=True)  # [SEC002]


def resolve(host):
    # positive: the command passed by keyword (args=)
    return subprocess.check_output(args="getent hosts %s" % host, shell=True)  # [SEC002]


def list_dir(directory):
    # positive: a list with a non-literal element and a truthy constant shell=1
    return subprocess.Popen(["ls", "-l", directory], shell=1, stdout=subprocess.PIPE)  # [SEC002]


def restart(service):
    # positive: the module imported under another name
    sp.run("systemctl restart {}".format(service), shell=True)  # [SEC002]


def tail_log(name, lines):
    # positive: Popen imported by name; shell= is a non-empty string, a truthy constant
    return Popen("tail -n %d /var/log/%s" % (lines, name), shell="bash")  # [SEC002]


def git_revision(ref):
    # positive: check_output imported by name
    return check_output("git rev-parse " + ref, shell=True).strip()  # [SEC002]


def disk_free(mount):
    # positive: getoutput always uses a shell
    return getoutput(f"df -h {mount}")  # [SEC002]


def reachable(host):
    # positive: getstatusoutput always uses a shell
    status, _ = subprocess.getstatusoutput("ping -c 1 " + host)  # [SEC002]
    return status == 0


def checkout(ref):
    # negative: argument list without shell=True
    subprocess.run(["git", "checkout", ref], check=True)


def clone(url, dest):
    # negative: shell=False
    subprocess.run(["git", "clone", url, dest], shell=False, check=True)


def run_configured(cmd, use_shell):
    # negative: a non-constant shell= value
    return subprocess.run(cmd, shell=use_shell)


def run_quiet(cmd):
    # negative: shell=None and shell=0 are falsy constants
    subprocess.run(cmd, shell=None)
    subprocess.run(cmd, shell=0)


def sync():
    # negative: a module-level constant bound once to a literal
    subprocess.run(RSYNC, shell=True, check=True)


def clean_build():
    # negative: a literal command, and a local name bound once to a literal
    subprocess.run("make clean", shell=True)
    cmd = "find build -name '*.pyc' -delete"
    subprocess.check_call(cmd, shell=True)


def list_static():
    # negative: a tuple of literals, and a concatenation of literals only
    subprocess.call(("ls", "-la", "static/"), shell=True)
    subprocess.call("du -sh " + "static/", shell=True)


def run_tests(c, pytest_args):
    # negative: invoke's Context.run is not subprocess.run
    c.run(f"pytest {pytest_args}", pty=True)
