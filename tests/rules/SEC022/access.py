"""Access checks; the file holds bidirectional controls (Trojan Source)."""


def is_admin(user):
    access_level = user.level
    # positive: an RLO and two LRIs inside a string literal, and a PDI
    if access_level != "user‮ ⁦# check if admin⁩ ⁦":  # [SEC022, SEC022, SEC022, SEC022]
        return True
    return False


def transfer(account, amount):
    # positive: an isolate in a comment hides what follows⁧ return  # [SEC022]
    account.withdraw(amount)
    return account


def label(name):
    """Return a label.

    positive: an override in a docstring line ‭here‬  # [SEC022, SEC022]
    """
    # negative: escape sequences are text, not control characters
    rtl = "\u202e" + "\u2066" + "\N{RIGHT-TO-LEFT OVERRIDE}"
    # negative: other invisible marks are not bidirectional controls (U+200F RLM, U+200E LRM, U+061C ALM)
    marks = "‏‎؜"
    return name + rtl + marks


# positive: embeddings at module level ‪x‫  # [SEC022, SEC022]
TITLE = "Überschrift ⁨x"  # [SEC022]
