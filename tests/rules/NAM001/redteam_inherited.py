"""Red-team cases: names inherited through imports and method calls (snake_case dominates)."""
import json
from os.path import getSize as get_size_alias
from xml.dom.minidom import parseString
from xml.dom import minidom as miniDom

try:
    from simplejson import loadsFast
except ImportError:
    loadsFast = None


# negative: the dominant style
def load_config(config_path):
    raw_text = open(config_path).read()
    parsed_data = json.loads(raw_text)
    return parsed_data


def read_all(file_names):
    all_rows = []
    for file_name in file_names:
        all_rows.append(file_name)
    return all_rows


# negative: parameters named after imported names are inherited
def parse(parseString, loadsFast, miniDom):
    return parseString(loadsFast(miniDom))


# negative: fetchRows is called as a method of another object below (inherited everywhere)
def fetchRows(cursor_obj):
    return cursor_obj.fetchRows()


# negative: getValue is called on `super()` below (an object other than self/cls)
class Base:
    def getValue(self):
        return 1


class Child(Base):
    def get_value_twice(self):
        return super().getValue() * 2


# positive: called only on self, so still an own name
class Widget:
    def renderHtml(self):  # [NAM001]
        return "<p/>"

    def render_all(self):
        return self.renderHtml()

    # positive: called only on cls
    @classmethod
    def makeDefault(cls):  # [NAM001]
        return cls.makeDefault()


# positive: called as a plain function, not a method
def computeSum(number_list):  # [NAM001]
    return sum(number_list)


total_value = computeSum([1, 2])


# positive: an attribute read (not a call) does not make a name inherited
def parseItem(raw_item):  # [NAM001]
    handler = raw_item.parseItem
    return handler


# negative: a local named like a method called on another object (fetchMany)
def load_items(db_conn):
    fetchMany = db_conn.cursor().fetchMany(10)
    return fetchMany


# positive (three findings): a keyword-only parameter, **kwargs and a local variable
def build_query(table_name, *, orderBy=None, **extraArgs):  # [NAM001, NAM001]
    sqlText = "SELECT * FROM " + table_name  # [NAM001]
    return sqlText, orderBy, extraArgs


# positive: a camelCase *args
def call_all(*callArgs):  # [NAM001]
    return callArgs
