"""Entry points of the admin service."""
import socket
import socketserver
from http.server import HTTPServer, SimpleHTTPRequestHandler

from flask import Flask

app = Flask(__name__)
LISTEN_ALL = "0.0.0.0"


def run_dev():
    # positive: host= on .run(), and the first argument of .run()
    app.run(host="0.0.0.0", port=5000)  # [SEC013]
    app.run("::", 5001)  # [SEC013]


def raw_socket():
    # positive: the address tuple given to .bind()
    sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    sock.bind(("::", 9000))  # [SEC013]
    return sock


def http_servers(handler):
    # positive: constructors whose name ends in Server
    docs = HTTPServer(("0.0.0.0", 8000), SimpleHTTPRequestHandler)  # [SEC013]
    tcp = socketserver.ThreadingTCPServer(  # multi-line call
        ("0.0.0.0", 8001), handler)  # [SEC013]
    return docs, tcp


def gunicorn_options():
    # positive: bind= keyword
    return dict(bind="0.0.0.0", workers=4)  # [SEC013]


def near_misses(config, handler, host):
    # negative: loopback, the empty string, and non-literal hosts
    app.run(host="127.0.0.1")
    HTTPServer(("", 8000), handler)
    app.run(host=config.host)
    # negative: module constants and comparisons are not followed
    app.run(host=LISTEN_ALL)
    if host == "0.0.0.0":
        host = "127.0.0.1"
    # negative: other keywords and calls, and a plain function named run
    connect(address="0.0.0.0")
    run("0.0.0.0")
    return host


def connect(address):
    return address


def run(address):
    return address
