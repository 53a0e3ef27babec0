"""Übersetzungen — Modul für ünïcödé 日本語 (BOM, CRLF line ends)."""
import logging

log = logging.getLogger(__name__)


def übersetze(text):
    grüße = "日本語"; text = text + grüße
    try:
        return text.encode("ascii")
    # positive: after non-ASCII text on the lines above
    except Exception:  # [ERR002]
        log.warning("nicht übersetzbar: %s", text)


def prüfe(text):
	try:
		return text.encode("ascii")
	# positive: tab indentation
	except BaseException as fehler:  # [ERR002]
		print("Fehler: é", fehler)


def zähle(text):
    try:
        return len(text.encode("ascii"))
    # negative: returning a value handles it
    except Exception:
        return 0
