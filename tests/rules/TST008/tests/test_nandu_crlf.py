# -*- coding: utf-8 -*-
"""Tests: BOM, CRLF, tabs, ñandú."""
import unittest


class ÑandúTests(unittest.TestCase):
	def test_ñandú(self):
		self.assertEqual("ñandú".upper(), "ÑANDÚ")

	def test_broken(self):
		# negative: a syntax error elsewhere does not hide the duplicate below
		x = len(1,, 2)

	def test_ñandú(self):  # [TST008]
		self.assertTrue("ñandú")
