def größe(x):  # [CPX002]
	return "ä" if x and x and x and x and x and x and x and x and x and x else None
