"""Client classes."""


class http_client:  # [NAM002]
    pass


class Parse_Result(object):  # [NAM002]
    pass


class _private_name:  # [NAM002]
    pass


class Outer:
    class inner_meta:  # [NAM002]
        pass


def factory():
    class local_thing:  # [NAM002]
        pass
    return local_thing


# negative: CapWords, acronyms, leading underscores, digits
class HTTPServer:
    pass


class OAuth2Client:
    pass


class _Private:
    pass


class __Mangled:
    pass


class X:
    pass


class Meta:
    pass
