"""Archive helpers; kill() is half-edited and does not parse."""
import subprocess


def archive(path):
    # positive: an intact function before the syntax error
    subprocess.call("tar czf backup.tgz " + path, shell=True)  # [SEC002]


def kill(pid):
    # negative: this statement does not parse (two commas), so no finding inside it
    subprocess.call("kill -9 " + pid,, shell=True)


def restore(path):
    # positive: an intact function after the syntax error
    subprocess.call("tar xzf " + path, shell=True)  # [SEC002]
