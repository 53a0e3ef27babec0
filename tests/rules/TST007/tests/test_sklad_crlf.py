# -*- coding: utf-8 -*-
"""Тесты: BOM, CRLF, tabs."""
import unittest


class СкладTests(unittest.TestCase):
	def test_склад(self):
		склад = "полный"; assert (склад == "полный", "ошибка")  # [TST007]

	def test_broken(self):
		# negative: the broken statement produces nothing
		assert (1,, 2)
		self.assertTrue("готово")  # [TST007]
