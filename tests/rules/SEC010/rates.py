"""Fetches exchange rates from several providers."""
import httpx
import requests
import requests as rq
from requests import api as requests_api
from requests import post

TIMEOUT = 10


def ecb_rates():
    # positive: requests.get without timeout
    return requests.get("https://ecb.example/rates.json").json()  # [SEC010]


def push(payload):
    # positive: imported by name, and through an alias
    post("https://hooks.example/rates", json=payload)  # [SEC010]
    rq.put("https://hooks.example/rates/1", json=payload)  # [SEC010]
    # positive: requests.request and requests.api.* functions
    requests.request("DELETE", "https://hooks.example/rates/0")  # [SEC010]
    requests_api.head("https://hooks.example/health")  # [SEC010]


def explicit_none(url):
    # positive: timeout=None waits forever
    requests.patch(url, data="{}", timeout=None)  # [SEC010]
    # positive: httpx with an explicit timeout=None, functions and clients
    httpx.get(url, timeout=None)  # [SEC010]
    client = httpx.AsyncClient(base_url=url, timeout=None)  # [SEC010]
    return client


def bounded(url, session, **options):
    # negative: a timeout is given, or may be given through **options
    requests.get(url, timeout=TIMEOUT)
    requests.post(url, timeout=(3.05, 27))
    requests.options(url, **options)
    # negative: httpx applies a default timeout when none is given
    httpx.post(url, json={})
    with httpx.Client() as client:
        # negative: client and session methods are not flagged
        client.get(url, timeout=None)
    session.get(url)
    requests.Session().get(url)
    # negative: not an HTTP verb of requests
    return requests.utils.quote(url)
