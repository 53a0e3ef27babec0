"""SEC021 runs in tests too."""
import paramiko


def test_connect(sshd):
    client = paramiko.SSHClient()
    # positive: in a test file
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # [SEC021]
