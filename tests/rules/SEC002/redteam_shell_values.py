"""Which shell= values and command shapes are flagged."""
import os
import subprocess
import subprocess as sp
from subprocess import PIPE, run as run_command

USE_SHELL = True
STATUS = "git status --short"
LISTING = ["ls", "-l"]


def truthy_constants(cmd):
    # positive: every truthy constant turns the shell on
    subprocess.run(cmd, shell=2)  # [SEC002]
    subprocess.run(cmd, shell=-1)  # [SEC002]
    subprocess.run(cmd, shell=[0])  # [SEC002]
    subprocess.run(cmd, shell=(False,))  # [SEC002]
    subprocess.run(cmd, shell={"on": 1})  # [SEC002]
    subprocess.run(cmd, shell="False")  # [SEC002]


def falsy_or_unknown(cmd, wanted):
    # negative: falsy constants, and values that are not constants
    subprocess.run(cmd, shell="")
    subprocess.run(cmd, shell=[])
    subprocess.run(cmd, shell=())
    subprocess.run(cmd, shell={})
    subprocess.run(cmd, shell=0.0)
    subprocess.run(cmd, shell=wanted)
    subprocess.run(cmd, shell=USE_SHELL)
    subprocess.run(cmd, shell=True if wanted else False)
    subprocess.run(cmd, shell=os.name == "nt")


def sequences(path, extra):
    # positive: a list or tuple with one non-literal element, with shell=True
    subprocess.run(["ls", path], shell=True)  # [SEC002]
    subprocess.Popen(("du", "-sh", path), shell=True)  # [SEC002]
    subprocess.call(["ls", *extra], shell=True)  # [SEC002]
    subprocess.Popen(args=["echo", path], shell=True)  # [SEC002]


def literal_sequences():
    # negative: sequences of literals (a literal name included) with shell=True
    subprocess.run(["ls", "-l"], shell=True)
    subprocess.run(("git", STATUS), shell=True)
    subprocess.run(LISTING, shell=True)


def no_shell(path):
    # negative: without shell=True nothing is flagged, even `sh -c`
    subprocess.run(["sh", "-c", path])
    subprocess.run(["bash", "-c", "echo " + path], check=True)
    subprocess.Popen(f"ls {path}")
    subprocess.check_output(path)


def aliases(path):
    # positive: the module and the function imported under other names
    sp.check_output("ls " + path, shell=True)  # [SEC002]
    run_command(f"cat {path}", shell=True, stdout=PIPE)  # [SEC002]


def joined(parts):
    # positive: a call is not a literal
    subprocess.run(" ".join(["tar", "czf"] + parts), shell=True)  # [SEC002]


def literal_strings():
    # negative: strings built from literals only
    subprocess.run("ls %s" % ("-l",), shell=True)
    subprocess.run("tar {}".format("czf backup.tgz ."), shell=True)
    os.system("echo " + STATUS)


def multi_line(branch):
    # positive: the range starts at the callee, on the first line of the call
    result = (
        subprocess  # [SEC002]
        .run(
            "git checkout %s" % branch,  # the branch
            shell=True,
        )
    )
    return result
