"""Übersetzungen — Modul für ünïcödé 日本語 (BOM, CRLF line ends, tabs)."""


# negative: the dominant style, with non-ASCII text in strings
def load_items(item_path):
    grüße = "ßßß"; zeichen = "日本語"
    return item_path + grüße + zeichen


def save_items(item_rows, item_mode):
	# positive: a camelCase local after non-ASCII text on the same line, tab-indented
	note_text = "é"; totalCount = 1  # [NAM001]
	return item_rows, item_mode, note_text, totalCount
