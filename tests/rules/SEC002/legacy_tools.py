# Python 2 maintenance script (print statements, `except E, e`): the rule still applies.
import commands
import os
import popen2
import sys


def disk_usage(path):
    print "checking disk usage of", path
    # positive: commands.getstatusoutput always uses a shell
    status, output = commands.getstatusoutput("du -sh " + path)  # [SEC002]
    if status != 0:
        print >>sys.stderr, "du failed:", output
    return output


def owner_of(user):
    # positive: commands.getoutput
    return commands.getoutput("id -un " + user)  # [SEC002]


def sort_file(fname):
    # positive: os.popen2 (Python 2 only)
    child_in, child_out = os.popen2("sort " + fname)  # [SEC002]
    child_in.close()
    return child_out.read()


def grep(pattern, fname):
    # positive: popen2.popen3
    out, inp, err = popen2.popen3("grep %s %s" % (pattern, fname))  # [SEC002]
    return out.readlines()


def hostname():
    # negative: a literal command
    return commands.getoutput("hostname")


def kill(pid):
    try:
        # positive: os.system in a function with a Python 2 handler
        os.system("kill -9 %d" % pid)  # [SEC002]
    except OSError, e:
        print "could not kill", pid, e
