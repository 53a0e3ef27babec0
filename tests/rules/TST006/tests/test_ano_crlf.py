# -*- coding: utf-8 -*-
"""Pruebas: BOM, CRLF, tabs, año, niño."""
import time
import unittest


class AñoTests(unittest.TestCase):
	def test_año(self):
		año = "niño"; time.sleep(1)  # [TST006]
		self.assertEqual(año, "niño")

	def test_broken(self):
		# negative: the broken statement produces nothing
		time.sleep(1,, 2)
		time.sleep(3)  # [TST006]
