"""Déploiement : BOM et identifiants non ASCII."""
import os


def déployer(répertoire):
    # positive: non-ASCII names before the call on the same line
    étape = "étape 1"; os.system("make -C " + répertoire)  # [SEC002]
    return étape
