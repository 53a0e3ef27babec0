class Größe(object):
	def __init__(self):
		super(Größe, self).__init__()  # [STY002]
