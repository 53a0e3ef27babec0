"""eval and compile come from imports; exec stays the builtin."""
try:
    from simpleeval import simple_eval as eval
except ImportError:
    eval = None
from RestrictedPython import compile_restricted as compile


def evaluate(expression, policy):
    # negative: eval and compile are rebound by imports and an assignment
    value = eval(expression)
    code = compile(policy, "<policy>", "exec")
    # positive: exec is still the builtin
    exec(code)  # [SEC003]
    return value
