"""Calculatrice (BOM, identifiants non ASCII)."""


def calculer(entrée):
    # positive: non-ASCII text before the call on the same line
    résultat = "éé"; return eval(entrée), résultat  # [SEC003]
