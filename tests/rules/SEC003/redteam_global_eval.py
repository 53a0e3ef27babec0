"""A module that installs its own eval through a global assignment."""
from asteval import Interpreter


def install():
    global eval
    eval = Interpreter()


def evaluate(expression):
    # negative: eval is rebound at module level by install()
    return eval(expression)


def run(source):
    # positive: exec is not rebound
    exec(source)  # [SEC003]
