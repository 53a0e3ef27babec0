"""Host maintenance tasks."""
import os
import shlex
import sys
from os import system as run_shell

CLEAR = "clear"


def convert(src):
    # positive: os.system with % formatting
    return os.system("ffmpeg -i %s -vn out.mp3" % src)  # [SEC002]


def whois(domain):
    # positive: os.popen (the finding starts at the os.popen call, before .read())
    return os.popen("whois " + domain).read()  # [SEC002]


def remove(path):
    # positive: shlex.quote() does not make the command literal
    os.system("rm -f " + shlex.quote(path))  # [SEC002]


def reindex(index):
    # positive: os.system imported under another name
    run_shell(f"curator --index {index}")  # [SEC002]


def launch(tool_path, config):
    # positive: os.spawnv with a non-literal program (second argument)
    return os.spawnv(os.P_WAIT, tool_path, [tool_path, "--config", config])  # [SEC002]


def launch_editor(filename):
    editor = os.environ.get("EDITOR", "vi")
    # positive: os.spawnlp with a program taken from the environment
    return os.spawnlp(os.P_WAIT, editor, editor, filename)  # [SEC002]


def notify(message):
    # positive: non-ASCII text before the call on the same line (columns count code points)
    print("Déploiement terminé 🚀"); os.system('notify-send "%s"' % message)  # [SEC002]


def clear_screen():
    # negative: a module-level constant bound once to a literal
    os.system(CLEAR)


def sync_backup(src, dest):
    # negative: os.spawnlp with a literal program; the other arguments may vary
    return os.spawnlp(os.P_WAIT, "rsync", "rsync", "-a", src, dest)


def uptime():
    # negative: literal commands
    return os.popen("uptime").read() + os.popen("uname -a").read()


if __name__ == "__main__":
    # positive: a module-level call with a command built from argv
    os.system("pip install -r " + sys.argv[1])  # [SEC002]
