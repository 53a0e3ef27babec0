"""Übersetzungen — Modul für ünïcödé 日本語 (BOM, CRLF line ends, tabs)."""


def übersetze(text):
	# positive (two findings): unused locals after non-ASCII text on the same line, tab-indented
	grüße = "日本語"; anzahl = len(text)  # [DED001, DED001]
	return text


def zähle(text):
    # negative: read
    größe = len(text)
    return größe
