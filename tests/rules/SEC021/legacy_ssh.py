# Python 2 script
import paramiko

client = paramiko.SSHClient()
print "connecting"
# positive: a Python 2 file, at module level
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # [SEC021]
