# -*- coding: latin-1 -*-
"""Repairs double-encoded text before evaluating a formula (this file is Latin-1)."""


def repair_and_eval(formula):
    # positive: the Latin-1 text before the call is one column per byte ("é" is two)
    fixed = formula.replace("é", "�"); return eval(fixed)  # [SEC003]
