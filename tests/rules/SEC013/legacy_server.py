# Python 2 module (print statement, `except E, e`): the rule still applies.
import SocketServer


def serve(handler):
    try:
        # positive: Python 2 file
        server = SocketServer.TCPServer(("0.0.0.0", 8080), handler)  # [SEC013]
    except IOError, e:
        print "cannot bind", e
        return
    server.serve_forever()
