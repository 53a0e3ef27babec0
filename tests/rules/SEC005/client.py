"""HTTP client for the ledger API."""
import requests


class LedgerClient:
    # positive: a class attribute
    api_secret = "3f9a1c77e2b04d5e"  # [SEC005]

    def __init__(self, base_url, token=None):
        self.base_url = base_url
        # positive: an attribute
        self.service_password = "Ledger#2024"  # [SEC005]
        # negative: a parameter, not a literal
        self.token = token

    def login(self, user, password="changeme"):  # [SEC005]
        # positive: a keyword argument
        return requests.post(self.base_url + "/login", auth=(user, password), headers={
            "X-Auth-Secret": "b64:ZmFrZQ==",  # [SEC005]
            "Accept": "application/json",
        }, client_secret="9c8b7a6f")  # [SEC005]

    def headers(self):
        headers = {}
        # positive: stored under a string key
        headers["Api-Key"] = "k-4411-9902"  # [SEC005]
        # negative: the key's value is not a literal
        headers["Authorization"] = "Bearer " + self.token
        # negative: a non-secret key
        headers["X-Request-Id"] = "ledger"
        return headers

    def connect_db(self, connect):
        # positive: annotated assignment and chained assignment
        db_pwd: str = "tr0ub4dor"  # [SEC005]
        primary_token = replica_token = "rpl-77aa"  # [SEC005, SEC005]
        # negative: a field name mapped for a driver (`password="passwd"`)
        return connect(password="passwd", pwd=db_pwd, token=primary_token or replica_token)


def make_user(name, passWord="Welcome1"):  # [SEC005]
    # positive: PassWord splits as pass+word; an unpacking assignment
    user, secret = name, "s3cr3t"  # [SEC005]
    return user, passWord, secret


def cached_secret(cache):
    # positive: an assignment expression
    if (session_secret := "q9-ZZ-41"):  # [SEC005]
        cache.put(session_secret)
