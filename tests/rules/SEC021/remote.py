"""Runs deployment commands on remote hosts over SSH."""
import paramiko
import paramiko as pm
from paramiko import AutoAddPolicy, RejectPolicy
from paramiko.client import WarningPolicy, SSHClient

TRUSTING = paramiko.AutoAddPolicy()


def connect(host, user):
    client = paramiko.SSHClient()
    # positive: an AutoAddPolicy instance
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # [SEC021]
    client.connect(host, username=user)
    return client


def connect_quiet(host):
    client = SSHClient()
    # positive: the class itself, imported from paramiko.client (a re-export)
    client.set_missing_host_key_policy(WarningPolicy)  # [SEC021]
    # positive: by keyword, through a module alias
    client.set_missing_host_key_policy(policy=pm.client.AutoAddPolicy())  # [SEC021]
    # positive: a name imported from paramiko
    client.set_missing_host_key_policy(AutoAddPolicy())  # [SEC021]
    return client


def connect_pinned(host, policy):
    client = SSHClient()
    client.load_system_host_keys()
    # negative: RejectPolicy is the safe default
    client.set_missing_host_key_policy(RejectPolicy())
    # negative: a parameter is not known to be unsafe
    client.set_missing_host_key_policy(policy)
    return client


def connect_local_policy(host):
    client = SSHClient()
    policy = paramiko.WarningPolicy()
    # positive: a local bound once to an unsafe policy
    client.set_missing_host_key_policy(policy)  # [SEC021]
    # positive: a module constant bound once to one
    client.set_missing_host_key_policy(TRUSTING)  # [SEC021]
    return client


class AutoAddPolicyLike:
    pass


def set_missing_host_key_policy(policy):
    return policy


def helpers():
    # negative: a plain function call with that name
    set_missing_host_key_policy(AutoAddPolicy())
    # negative: the file's own class named like the policy
    client = SSHClient()
    client.set_missing_host_key_policy(AutoAddPolicyLike())
