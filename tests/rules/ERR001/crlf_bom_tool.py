"""Windows tool: BOM, CRLF and non-ASCII text."""


def lire_fichier(chemin):
    try:
        return open(chemin, encoding="utf-8").read()
    # positive: after a BOM with CRLF line ends
    except:  # [ERR001]
        return "déjà vu — vide"


def größe(datei):
    try:
        return len(datei)
    # negative: re-raised after a non-ASCII message
    except:
        print("Größe unbekannt: ½")
        raise


def naïve(x):
    try: return x["ключ"]
    except: return "значение"  # [ERR001]
