"""Snake module; suppressed camel names."""


# negative: the dominant style
def load_items(item_path, item_mode, item_kind, item_size, item_flags, item_owner, item_group):
    return item_path, item_mode, item_kind, item_size, item_flags, item_owner, item_group


# negative: suppressed by code, by name and by category
def saveItems(item_rows):  # noqa: NAM001
    return item_rows


def dropItems(item_rows):  # noqa: inconsistent-naming
    return item_rows


def copyItems(item_rows):  # noqa:NAM
    return item_rows


# positive: the function name; the parameter's own line carries its suppression
def moveItems(  # [NAM001]
    item_rows,
    targetPath,  # noqa: NAM001
):
    return item_rows, targetPath


# positive: a suppression of another rule does not apply
def listItems(item_rows):  # noqa: DED001  # [NAM001]
    return item_rows
