"""Sandboxed evaluation: compile is re.compile and eval an asteval interpreter."""
from re import IGNORECASE, compile

from asteval import Interpreter

# a module-level assignment shadows the builtin eval in this file
eval = Interpreter()


def word_matcher(word):
    # negative: compile is re.compile, imported over the builtin
    return compile(r"\b%s\b" % word, IGNORECASE)


def safe_calc(expression):
    # negative: eval is the asteval interpreter bound above
    return eval(expression)


def run_script(source, env):
    # positive: exec is not shadowed in this file
    exec(source, env)  # [SEC003]
