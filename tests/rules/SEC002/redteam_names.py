"""Shell helpers resolved through imports, locals and the file's own defs."""
import subprocess
from os import popen, system


def system(cmd):  # this file's own system(): the last module-level binding
    return cmd


def local_names(cmd):
    # negative: system is this file's def
    system("rm -rf " + cmd)


def through_popen(name):
    # positive: os.popen imported by name, with a mode
    return popen("cat " + name, "r").read()  # [SEC002]


def local_module(cmd, remote):
    os = remote
    # negative: a local named os is not the module
    os.system("uptime; " + cmd)


def in_function_import(host):
    import os as operating_system
    from subprocess import getoutput as shell_output
    # positive: imports inside the function
    operating_system.system("ping -c 1 " + host)  # [SEC002]
    return shell_output(f"dig +short {host}")  # [SEC002]


def unimported(name):
    # positive: a module the file never imports is taken as written
    return commands.getoutput("finger " + name)  # [SEC002]


def program(tool, target):
    # positive: os.spawn* with a non-literal program
    import os
    os.spawnlp(os.P_WAIT, tool, tool, target)  # [SEC002]
    os.spawnve(os.P_NOWAIT, tool, [tool, target], {})  # [SEC002]


def fixed_program(target):
    import os
    # negative: a literal program; the other arguments may vary
    os.spawnv(os.P_WAIT, "/usr/bin/rsync", ["rsync", "-a", target])


def other_runners(c, host):
    # negative: invoke/fabric run(), asyncio's shell helper and methods named system
    c.run(f"ls {host}")
    c.sudo("systemctl restart " + host)
    host.run("echo " + host, shell=True)
    return subprocess


class Remote:
    def system(self, cmd):
        return cmd

    def restart(self, service):
        # negative: a method of this class, called on self
        return self.system("systemctl restart " + service)


def inline(paths):
    # positive: in a lambda and in a comprehension
    import os
    remove = lambda p: os.system("rm " + p)  # [SEC002]
    [os.system(f"rm {p}") for p in paths]  # [SEC002]
    return remove
