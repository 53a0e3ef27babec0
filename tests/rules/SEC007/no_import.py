"""`ssl` used without an import is taken as written; a local `ssl` is not the module."""


def wrap(sock, context_factory):
    # positive: `ssl` is never bound in this file, so `ssl.CERT_NONE` is taken as written
    return context_factory(cert_reqs=ssl.CERT_NONE)  # [SEC007]


def split_over_lines(context):
    # positive: the attribute split over lines inside parentheses
    context.verify_mode = (ssl  # [SEC007]
                           .CERT_NONE)
    return context


def local_module(make):
    # negative: a local named ssl is not the ssl module; CERT_NONE_X is another name
    ssl = make()
    return ssl.CERT_NONE, CERT_NONE_X


CERT_NONE_X = 0
