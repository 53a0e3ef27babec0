def build_report(rows):  # [DOC102]
    # (line 1 follows a UTF-8 byte order mark) positive: 5 statements, no docstring
    header = "sku,stock"
    lines = [header]
    for row in rows:
        lines.append(f"{row.sku},{row.stock}")
    return "\n".join(lines)


# negative: with a docstring
def build_summary(rows):
    """One line per SKU with its stock."""
    summary = {}
    for row in rows:
        summary[row.sku] = row.stock
    total = sum(summary.values())
    return summary, total
