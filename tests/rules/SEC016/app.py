"""A small Flask application with a Socket.IO endpoint."""
import asyncio
import os

from flask import Flask
from flask_socketio import SocketIO

app = Flask(__name__)
socketio = SocketIO(app)

# negative: DEBUG = True outside a settings module is a plain constant
DEBUG = True


@app.route("/")
def index():
    return "hello"


def run(debug=False):
    return debug


async def main():
    await asyncio.sleep(0)


if __name__ == "__main__":
    # positive: Flask's development server with the debugger on
    app.run(host="127.0.0.1", port=5000, debug=True)  # [SEC016]
    # positive: any receiver, app passed as an argument
    socketio.run(app, debug=True)  # [SEC016]
    # negative: debug off, or read from the environment
    app.run(debug=False)
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
    # negative: a plain function named run
    run(debug=True)
    # negative: asyncio's debug mode is not a web debugger
    asyncio.run(main(), debug=True)
