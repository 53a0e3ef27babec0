# größe
def größe(I):  # [NAM003]
	return I
