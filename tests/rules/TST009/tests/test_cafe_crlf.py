# -*- coding: utf-8 -*-
"""Tests: BOM, CRLF, tabs, café."""
import shutil
import unittest


class CaféTests(unittest.TestCase):
	def setUp(self):
		self.café = "crème"
		self.addCleanup(shutil.rmtree, "répertoire")
		self.addCleanup(shutil.rmtree, 'répertoire')  # [TST009]

	def test_broken(self):
		# negative: the broken statement produces nothing
		self.addCleanup(shutil.rmtree,, "x")
		self.addCleanup(shutil.rmtree,, "x")
		self.assertTrue(self.café)
