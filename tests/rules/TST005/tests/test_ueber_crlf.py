# -*- coding: utf-8 -*-
"""Tests: BOM, CRLF, tabs, über."""
import unittest
import mock


class ÜberTests(unittest.TestCase):
	def setUp(self):
		self.größe = 1; self.p = mock.patch("app.über"); self.p.start()  # [TST005]

	def test_broken(self):
		# negative: the broken statement produces nothing
		q = mock.patch("x",, 1)
		q.start()
		datei = open("daten.txt")  # [TST005]
		self.assertTrue(datei)
