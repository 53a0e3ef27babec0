"""Rule engine with its own eval(): this module shadows the builtin."""

OPERATORS = {"all": all, "any": any}


def parse(text):
    head, _, rest = text.partition(":")
    return head if not rest else (head, *rest.split(","))


def eval(rule, facts):
    if isinstance(rule, str):
        return bool(facts.get(rule))
    op, *args = rule
    # negative: a recursive call of this file's own eval()
    return OPERATORS[op](eval(arg, facts) for arg in args)


def matches(rule_text, facts):
    # negative: eval() is this module's function, not the builtin
    return eval(parse(rule_text), facts)


def run_action(action_source, context):
    # positive: exec is still the builtin here
    exec(action_source, context)  # [SEC003]
