"""Red-team cases: 3 distinct snake_case names (load_all, item_list, row_total) against 2
camelCase ones (itemList, rowCount): each camelCase name is flagged in every scope binding it."""


# negative: the dominant style
def load_all(item_list):
    return item_list


# positive: itemList, once per function that binds it
def f1(itemList):  # [NAM001]
    return itemList


def f2(itemList):  # [NAM001]
    rowCount = len(itemList)  # [NAM001]
    return rowCount


def f3(itemList, row_total):  # [NAM001]
    return itemList, row_total
