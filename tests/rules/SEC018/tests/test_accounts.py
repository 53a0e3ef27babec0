"""SEC018 is off in tests: assert is how tests check."""


def test_withdraw(account):
    # negative: test code
    assert account.balance == 0


def helper(amount):
    # negative: even in a helper of a test file
    assert amount > 0
