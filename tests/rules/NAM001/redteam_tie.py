"""Red-team cases: names count once however many scopes bind them."""


# negative (tie): snake: load_all, row_list (2 distinct); camel: itemList, rowCount (2 distinct)
# itemList appears in 4 scopes but counts once
def load_all(itemList):
    return itemList


def f1(itemList):
    return itemList


def f2(itemList):
    rowCount = len(itemList)
    return rowCount


def f3(itemList, row_list):
    return itemList, row_list
