"""Übersetzungen — Modul für ünïcödé 日本語 (BOM, CRLF line ends, tabs)."""


def übersetze(wörter, work):
	zeichen = "日本語"
	# positive (two findings): both parts of the target, after non-ASCII text
	for wort, größe in wörter:  # [DED003, DED003]
		work(zeichen)


def zähle(wörter):
    # negative: read in the body
    for wort in wörter:
        print("→", wort)
