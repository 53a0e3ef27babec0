"""Synchronises inventory with the supplier's HTTPS API."""
import ssl
import ssl as tls
from ssl import CERT_NONE, CERT_REQUIRED

import httpx
import requests
from requests import post as http_post


def fetch_catalog(url):
    # positive: a requests function
    return requests.get(url, verify=False, timeout=10)  # [SEC007]


def push_order(url, order):
    # positive: imported under another name
    return http_post(url, json=order,  # [SEC007]
                     verify=False, timeout=10)


class SupplierApi:
    def __init__(self, session):
        self.session = session

    def stock(self, sku):
        # positive: a method named get on any receiver
        return self.session.get("/stock/" + sku, verify=False)  # [SEC007]

    def cancel(self, order_id):
        # positive: delete and request methods
        self.session.delete("/orders/" + order_id, verify=False)  # [SEC007]
        return self.session.request("POST", "/audit", verify=False)  # [SEC007]

    def validate(self, form):
        # negative: a method that is not an HTTP verb
        return form.validate(verify=False)


def session_for(base):
    # positive: verify = False on a requests.Session() of the same function
    s = requests.Session()
    s.verify = False  # [SEC007]
    return s


def async_client():
    # positive: httpx constructor with verify=False, and a Client bound by `with`
    client = httpx.AsyncClient(verify=False)  # [SEC007]
    with httpx.Client() as c:
        c.verify = False  # [SEC007]
    return client


def tls_context(host):
    # positive: the unverified context, CERT_NONE under any import name, check_hostname = False
    ctx = ssl._create_unverified_context()  # [SEC007]
    strict = ssl.create_default_context()
    strict.check_hostname = False  # [SEC007]
    strict.verify_mode = tls.CERT_NONE  # [SEC007]
    return ctx, strict


def legacy_socket(sock):
    # positive: the bare name after `from ssl import CERT_NONE`
    return ssl.wrap_socket(sock, cert_reqs=CERT_NONE)  # [SEC007]


def careful(url, session, context):
    # negative: verification on, or a value that is not the constant False
    requests.get(url, verify=True, timeout=5)
    requests.get(url, verify="/etc/ssl/certs/internal-ca.pem", timeout=5)
    requests.get(url, verify=session.verify, timeout=5)
    # negative: `verify = False` on a parameter (not a Session of this function)
    session.verify = False
    # positive: any reference to CERT_NONE, a comparison included (the row says any)
    if context.verify_mode == ssl.CERT_NONE:  # [SEC007]
        context.verify_mode = CERT_REQUIRED
    # negative: check_hostname = True
    context.check_hostname = True
    # negative: a plain function called with verify=False is not an HTTP call
    return download(url, verify=False)


def download(url, verify=True):
    return url, verify


def other_scope(url):
    # negative: `s` is bound to a Session in another function, not this one
    s = make_session()
    s.verify = False
    return s


def make_session():
    return requests.Session()


class PartnerClient:
    def __init__(self, transport):
        # positive: an attribute chain assigned a Session in the same function
        self.session = requests.Session()
        self.session.verify = False  # [SEC007]
        # negative: the chain was rebound to something else before
        self.http = requests.Session()
        self.http = transport
        self.http.verify = False

    def relax(self):
        # negative: the Session was assigned in another method
        self.session.verify = False
