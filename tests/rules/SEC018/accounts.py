"""Account operations of the banking service."""
import logging

log = logging.getLogger(__name__)

LIMIT = 10_000
# negative: a module-level assert is not flagged
assert LIMIT > 0


def withdraw(account, amount):
    # positive: validates an argument with assert
    assert amount > 0, "amount must be positive"  # [SEC018]
    account.balance -= amount


def transfer(source, target, amount, *, currency="EUR"):
    # positive: a keyword-only parameter inside a call
    assert currency in ("EUR", "USD")  # [SEC018]
    # positive: an isinstance check on a parameter
    assert isinstance(target, Account), f"bad target {target!r}"  # [SEC018]
    # negative: only a local is read
    fee = compute_fee(amount)
    assert fee >= 0
    # negative: the parameter appears only in the message
    assert LIMIT, amount


def close(account, **options):
    # positive: **kwargs is a parameter too
    assert not options, "unexpected options"  # [SEC018]
    # positive: a parameter read in a generator expression
    assert all(a.closed for a in account.children)  # [SEC018]


def rename(account, name):
    def check():
        # negative: `name` belongs to the enclosing function, not the innermost one
        assert name
    check()
    # negative: keyword argument names and attribute names are not reads
    assert log.isEnabledFor(level=10)
    assert LIMIT.real


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self._conn = None

    def deposit(self, amount):
        # negative: a method's first parameter does not count
        assert self._conn is not None
        # positive: a method's other parameter
        assert amount > 0  # [SEC018]
        self.balance += amount

    @classmethod
    def open(cls, owner):
        # negative: cls is the first parameter
        assert cls is not None
        # positive: multi-line assert on a parameter
        assert (  # [SEC018]
            owner is not None
        ), "owner required"
        return cls(owner)

    @staticmethod
    def parse(text):
        # positive: in a staticmethod the first parameter counts
        assert text.startswith("ACC")  # [SEC018]
        return text[3:]

    # negative: a class-body assert is not in a function
    assert LIMIT < 10 ** 6


def compute_fee(amount):
    scale = lambda value: value * 2
    # negative: the lambda's parameter is the lambda's own, `amount` is not read
    assert scale(1) == 2
    return amount / 100
