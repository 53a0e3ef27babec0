"""eval/exec/compile: aliases of builtins, literal sources, methods of the same name."""
import ast
import builtins as bi
import re

FORMULA = "price * quantity"


def through_alias(source):
    # positive: the builtins module under another name
    bi.exec(source)  # [SEC003]
    return bi.compile(source, "<input>", "exec")  # [SEC003]


def literal_sources():
    # negative: literal sources, a literal name, literal-only building
    eval(FORMULA, {"price": 2, "quantity": 3})
    eval("1" + " + 2")
    exec("total = %d" % 5)
    exec("label = {}".format("'x'"))
    return compile(FORMULA, "<formula>", "eval")


def built_sources(a, b):
    # positive: f-strings with fields, % and + with non-literal parts, input()
    eval(f"{a} + {b}")  # [SEC003]
    eval("%s * 2" % a)  # [SEC003]
    exec("result = " + repr(b))  # [SEC003]
    return eval(input("expression: "))  # [SEC003]


def same_names(model, pattern, frame, expression):
    # negative: methods and other modules' functions named eval/compile
    model.eval()
    re.compile(pattern)
    frame.eval(expression)
    model.compile(optimizer="adam", loss="mse")
    return ast.literal_eval(expression)


def parameter(eval, source):
    # negative: a parameter named eval
    return eval(source)


def local(source, factory):
    compile = factory.compiler()
    # negative: a local named compile
    return compile(source)


def nested(source):
    def exec(code):
        return code
    # negative: a nested def named exec
    return exec(source)


def inline(sources):
    # positive: in a lambda, a comprehension and an f-string field
    run = lambda s: eval(s)  # [SEC003]
    values = [eval(s) for s in sources]  # [SEC003]
    print(f"first: {eval(sources[0])}")  # [SEC003]
    return run, values


class Shell:
    exec = staticmethod(print)

    def run(self, code):
        # positive: a class attribute does not shadow the builtin inside a method
        exec(code)  # [SEC003]
        # negative: the attribute through self
        self.exec(code)


def from_file(path):
    with open(path) as fh:
        # positive: a restricted namespace does not make it safe
        exec(fh.read(), {"__builtins__": {}})  # [SEC003]


def no_argument():
    # negative: nothing to evaluate
    return eval()
