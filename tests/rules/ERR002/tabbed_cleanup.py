"""Temporary file cleanup (this file is indented with tabs)."""
import os
import shutil


def remove_tree(path):
	try:
		shutil.rmtree(path)
	# positive: a tab-indented broad handler with pass
	except Exception:  # [ERR002]
		pass


def remove_file(path):
	try:
		os.remove(path)
	# negative: a specific exception
	except FileNotFoundError:
		pass


class Janitor:
	def sweep(self, paths):
		for path in paths:
			try:
				os.remove(path)
			# positive: three tabs deep, bare except with continue
			except:  # [ERR002]
				continue
