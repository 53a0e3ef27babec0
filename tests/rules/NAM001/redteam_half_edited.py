"""Snake module with a syntax error in one function."""


# negative: the dominant style, before the syntax error
def load_items(item_path):
    item_rows = open(item_path).read()
    return item_rows


# negative: a statement that does not parse
def broken_one(raw_text):
    parsed = raw_text.split(,)
    return parsed


# positive: after the syntax error
def saveItems(item_rows):  # [NAM001]
    return item_rows
