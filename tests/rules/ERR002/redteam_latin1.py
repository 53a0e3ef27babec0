# -*- coding: latin-1 -*-
"""Café menu loader (Latin-1 encoded)."""


def load_menu(path):
    title = "Café crème"
    try:
        return open(path).read() + title
    # positive: in a Latin-1 file
    except Exception:  # [ERR002]
        pass
