"""Red-team cases: a camelCase module, every kind of local binding."""
import re
from collections import UserDict

# negative: module-level variables, loop targets and comprehension variables are not own names
counterValue = 0
for module_item in []:
    pass
module_rows = [row_item for row_item in range(3)]


# negative: the dominant style
def loadData(sourceName, maxRows=10):
    rawLines = open(sourceName).readlines()
    parsedRows = [lineText.split() for lineText in rawLines]
    return parsedRows[:maxRows]


def saveData(targetName, dataRows):
    with open(targetName, "w") as outFile:
        outFile.write(str(dataRows))


def scanText(inputText):
    if (matchObj := re.search("x", inputText)) is not None:
        return matchObj
    # positive: walrus target
    if (match_found := re.search("y", inputText)):  # [NAM001]
        return match_found
    return None


def readConfig(configPath):
    try:
        return open(configPath).read()
    # positive: except-as name
    except OSError as os_error:  # [NAM001]
        return str(os_error)


def writeLog(logText):
    # positive: with-as name
    with open("log.txt", "a") as log_file:  # [NAM001]
        log_file.write(logText)


def sumValues(valueList):
    totalSum = 0
    # positive: for target, and a tuple for target part
    for item_index, itemValue in enumerate(valueList):  # [NAM001]
        totalSum += itemValue * item_index
    return totalSum


def countWords(textBody):
    # positive: flagged once, at the first binding (not at the `+=`)
    word_count = 0  # [NAM001]
    word_count += len(textBody.split())
    return word_count


def makeCounter():
    countState = 0

    # positive: nested function name is an own name of makeCounter
    def bump_count():  # [NAM001]
        nonlocal countState
        countState += 1
        return countState

    return bump_count


def setGlobal(newValue):
    # negative: a global name is a module-level variable
    global counterValue, module_total
    counterValue = newValue
    module_total = newValue


def annotateIt(rawValue):
    # positive: annotated assignment with a value
    typed_value: int = int(rawValue)  # [NAM001]
    return typed_value


# positive: snake function at module level, and its snake parameter, and local
def parse_row(row_text):  # row_text: a public parameter, never flagged # [NAM001]
    cell_list = row_text.split(",")  # [NAM001]
    return cell_list


class DataStore:
    # negative: class attribute
    max_items = 10

    def __init__(self, storePath):
        # negative: attributes are not own names
        self.store_path = storePath

    # positive: snake method in a class without an imported base
    def get_item(self, itemKey):  # [NAM001]
        return self.store_path + itemKey

    def getItems(self):
        return []


class ItemCache(UserDict):
    # positive: a snake_case method is an own name even with an imported base (only other styles are presumed overrides)
    def get_items(self):  # [NAM001]
        return []


def unpackPair(pairValue):
    # positive: tuple unpacking targets are locals
    (first_part, secondPart) = pairValue  # [NAM001]
    return first_part, secondPart
