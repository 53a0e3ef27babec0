"""Red-team cases: styles (snake_case dominates: load_one, x_1, v2_api, __private_name, ...)."""


# negative: snake_case with digits and a leading double underscore
def load_one(x_1, v2_api):
    __private_name = x_1
    return __private_name, v2_api


# negative: single words
def save_one(value):
    return value


# negative: single words, UPPER_CASE, CapWords, mixed names and digits
def process(HTTPResponse, MAX_SIZE, Max_size, total, data2, fetch_URL, getHTTP_response):
    return HTTPResponse, MAX_SIZE, Max_size, total, data2, fetch_URL, getHTTP_response


# positive: leading and trailing underscores are stripped: _fooBar and barBaz_ are camelCase
def _loadRaw(barBaz_):  # [NAM001, NAM001]
    return barBaz_


# positive: a dunder-wrapped camelCase name is camelCase
def __getValue__(self_value):  # [NAM001]
    return self_value


# positive: camelCase with digits
def toV2(item_x):  # [NAM001]
    return item_x


# negative: a non-ASCII snake_case name counts as snake_case (not flagged)
def façade_name(ñame):
    return ñame


# positive: a non-ASCII camelCase name
def größeBerechnen(breite_wert):  # [NAM001]
    zählerStand = 0  # [NAM001]
    return zählerStand, breite_wert


# negative: CapWords with a non-ASCII capital, and a CJK name (no case)
def Ärger(数据):
    Ölpreis = 数据
    return Ölpreis
