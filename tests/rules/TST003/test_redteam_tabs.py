import unittest


class T(unittest.TestCase):
	# positive: tab indentation
	def test_t(self):  # [TST003]
		print("été")

	# positive: a non-ASCII test name
	def test_été(self):  # [TST003]
		print("x")
