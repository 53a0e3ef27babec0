"""A small expression calculator used by the reporting dashboard."""
import ast
import re


def evaluate(expression):
    # positive: builtin eval on a parameter
    return eval(expression)  # [SEC003]


def evaluate_with(expression, variables):
    # positive: eval with explicit namespaces (they do not make it safe)
    return eval(expression, {"__builtins__": {}}, variables)  # [SEC003]


def run_snippet(code, namespace):
    # positive: builtin exec on a parameter
    exec(code, namespace)  # [SEC003]


def compile_formula(formula):
    # positive: builtin compile on an f-string with a replacement field
    return compile(f"lambda row: {formula}", "<formula>", "eval")  # [SEC003]


def show_result(expression):
    # positive: non-ASCII text before the call on the same line (columns count code points)
    print("Résultat 🎉 :", eval(expression))  # [SEC003]


def parse_literal(text):
    # negative: ast.literal_eval is the safe alternative
    return ast.literal_eval(text)


def constant_table():
    # negative: literal first arguments, directly or through a local bound once
    squares = eval("[n * n for n in range(10)]")
    source = "total = sum(squares)"
    namespace = {"squares": squares}
    exec(source, namespace)
    code = compile("x + 1", "<const>", "eval")
    return namespace["total"], code


def freeze(model, pattern_text):
    # negative: methods named eval and compile are not the builtins
    model.eval()
    return re.compile(pattern_text)
