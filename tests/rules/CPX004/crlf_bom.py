def größe(x):
	if x:
		if x:
			if x:
				if x:
					if x:  # [CPX004]
						return "ä"
