# -*- coding: utf-8 -*-  # [DOC100]
import os

def größe():
	return "ä"
