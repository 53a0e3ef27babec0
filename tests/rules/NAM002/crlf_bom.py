# -*- coding: utf-8 -*-
class größe_klasse:  # [NAM002]
	pass


class Größe:
	pass
