import unittest


class TabTests(unittest.TestCase):
	def test_tab(self):
		# positive: a tab is one column
		self.assertTrue(1 == 1)  # [TST001]
		# positive: non-ASCII text before the call on the same line
		x = "été"; self.assertTrue(x == "été")  # [TST001]
		élève = 1; self.assertFalse(élève in [2])  # [TST001]
