"""Rate limiting."""
import dataclasses


class RateLimiter:  # [DOC101]
    def __init__(self, per_second):
        self.per_second = per_second

    class Meta:
        # negative: nested classes are not checked
        pass


@dataclasses.dataclass
class Window(object):  # [DOC101]
    size: int


class Documented:
    # a comment before the docstring
    """Documented."""


class Bucket: pass  # [DOC101]


# negative: private classes, classes in functions, byte strings are no docstring
class _Private:
    pass


def factory():
    class Local:
        pass
    return Local


class ByteDoc:  # [DOC101]
    b"""bytes are not a docstring"""


if True:
    class Conditional:  # [DOC101]
        pass
