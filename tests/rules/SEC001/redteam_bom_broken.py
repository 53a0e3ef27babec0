"""Fichier avec BOM, texte non ASCII et une erreur de syntaxe."""


def chercher(cur, nom):
    # positive: after a BOM, with non-ASCII text before the argument
    été = "données"; cur.execute(f"SELECT * FROM {été} WHERE nom = '{nom}'")  # [SEC001]


def casse(cur, nom):
    # negative: this statement does not parse (two commas)
    cur.execute("SELECT " + nom,, 2)


def apres(cur, nom):
    # positive: a function after the syntax error
    cur.execute("DELETE FROM clients WHERE nom = '%s'" % nom)  # [SEC001]
