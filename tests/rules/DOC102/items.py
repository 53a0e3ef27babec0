"""Stock items, warehouses and ledgers."""
import logging
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class Item:
    """A stock-keeping unit."""

    sku: str
    stock: int = 0
    history: list = field(default_factory=list)

    # positive: a public method with 5 statements
    def adjust(self, delta, reason):  # [DOC102]
        if delta == 0:
            return self.stock
        self.stock += delta
        self.history.append((reason, delta))
        return self.stock

    # negative: dunder methods are excluded
    def __post_init__(self):
        if self.stock < 0:
            raise ValueError("negative stock")
        self.sku = self.sku.upper()
        self.history = list(self.history)
        log.debug("created %s", self.sku)

    # negative: a private method is not public
    def _validate(self):
        if not self.sku:
            raise ValueError("empty sku")
        if self.stock < 0:
            raise ValueError("negative stock")
        return True

    # positive: a staticmethod is a public method too
    @staticmethod
    def parse(text):  # [DOC102]
        sku, _, stock = text.partition(":")
        sku = sku.strip()
        if not stock:
            stock = "0"
        return Item(sku, int(stock))

    # positive: a property getter is checked (only setters and deleters are exempt)
    @property
    def label(self):  # [DOC102]
        name = self.sku.lower()
        if self.stock == 0:
            name += " (sold out)"
        log.debug("label %s", name)
        return name

    # negative: a property setter
    @label.setter
    def label(self, value):
        sku, _, rest = value.partition(" ")
        if not sku:
            raise ValueError(value)
        self.sku = sku.upper()
        log.debug("relabelled %s", rest)

    # negative: a property deleter
    @label.deleter
    def label(self):
        if self.stock:
            raise ValueError("in stock")
        self.sku = ""
        self.history.clear()
        log.debug("label removed")


class Warehouse:
    """A warehouse and its bins."""

    class Bin:
        """A storage bin."""

        # positive: a method of a public class nested in a public class
        def move(self, item, target):  # [DOC102]
            if item not in self.items:
                raise KeyError(item)
            self.items.remove(item)
            target.items.append(item)
            return target


class _Ledger:
    # negative: a method of a private class is not public
    def record(self, item, delta):
        if delta == 0:
            return
        self.entries.append((item.sku, delta))
        self.total += delta
        log.debug("ledger %s", self.total)


def make_counter():
    class Counter:
        # negative: a class defined in a function is not checked
        def bump(self, by):
            if by < 0:
                raise ValueError(by)
            self.value += by
            log.debug("bumped")
            return self.value

    return Counter
