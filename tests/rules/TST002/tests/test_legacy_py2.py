# -*- coding: utf-8 -*-
import unittest

class LegacyTest(unittest.TestCase):
	def test_print(self):
		print "checking", 0777
		self.assertEquals(0777, 511)  # [TST002]
		self.failUnless(10L > 1)  # [TST002]

	def test_negative(self):
		# negative: the modern name in a Python 2 file
		self.assertEqual(1, 1)
