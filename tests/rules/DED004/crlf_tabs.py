# -*- coding: utf-8 -*-
def größe(x):
	if x:
		return "ä"
		x += 1  # [DED004]
	return x
