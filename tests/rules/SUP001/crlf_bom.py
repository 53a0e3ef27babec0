"""BOM, CRLF and non-ASCII text before the comment."""
naïve = "é"  # noqa: TYP999  # [SUP001]
label = "ü"  # pyreview: ignore[DOC1O0]  # [SUP001]
