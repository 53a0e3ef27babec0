# -*- coding: utf-8 -*-
"""Prüfungen: BOM, CRLF, tabs, non-ASCII."""
import unittest


class GrößeTests(unittest.TestCase):
	def test_größe(self):
		größe = len("Straße")
		größe == 6  # [TST010]

	def test_broken(self):
		# negative: the broken statement produces nothing
		größe = len("x" +)
		größe == 1  # [TST010]
