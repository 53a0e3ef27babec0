"""A camelCase module whose public functions take snake_case parameters."""


def fetchRows(table_name, row_limit):
    resultSet = query(table_name, row_limit)
    rowCount = len(resultSet)
    return resultSet, rowCount


def storeRows(rowList):
    return rowList


class Exporter:
    def exportAll(self, target_path):
        # negative: snake_case parameters of public functions follow PEP 8
        outputFile = open(target_path)
        return outputFile


def _privateHelper(input_value):  # [NAM001]
    # a private function's snake_case parameter is flagged
    return input_value


class Fixture:
    def _setUp(self):
        # negative: fixtures' `_setUp` is a hook name
        pass
