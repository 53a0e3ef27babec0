"""This module defines its own eval() below a module-level call."""
import sys

# positive: at module level, eval is the nearest binding above (none yet): the builtin
print(eval(sys.argv[1]))  # [SEC003]


def check(expression):
    # negative: in a function body, eval is the last module-level binding (the def below)
    return eval(expression)


def eval(expression):
    return expression.strip()


# negative: at module level after the def
print(eval(sys.argv[2]))
