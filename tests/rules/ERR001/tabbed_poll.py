"""Tab-indented module."""


def poll(sock):
	while True:
		try:
			return sock.recv(1024)
		# positive: tab indentation
		except:  # [ERR001]
			continue
