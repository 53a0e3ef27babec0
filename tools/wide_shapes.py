#!/usr/bin/env python3
"""Writes Python files whose nodes have very many children, or nest very deep.

  tools/wide_shapes.py DIR [N]

A rule that reads a node's children with ts_node_child(node, i) steps over i
siblings for every i: quadratic in a node with N children. Each file here puts
N (default 20000) children under one kind of node that rules read (arguments,
displays, string parts, comparison chains, targets, decorators, bases,
parameters, with items, handler bodies, elif and except chains ...), inside a
test method so that the test rules look at it too. Others nest n levels:
chained assignments, operator, call and attribute chains. tests/cli/run_wide_shapes.sh
reviews these files at a small N; docs/reliability.md records the times at a
large one.
"""
import os
import sys


def method(body):
    return ("import os, subprocess, logging\n"
            "import unittest\n\n\n"
            "class ShapeTest(unittest.TestCase):\n"
            "    def test_shape(self):\n"
            + "".join("        " + line + "\n" for line in body.split("\n")))


def shapes(n):
    names = ["v%d" % i for i in range(n)]
    commas = ", ".join(names)
    yield "call_arguments", method("self.assertEqual(%s)" % commas)
    yield "keyword_arguments", method("subprocess.run(%s)" % ", ".join("k%d=%s" % (i, v) for i, v in enumerate(names)))
    yield "list_display", method("x = [%s]\nsubprocess.call(x, shell=True)" % commas)
    yield "dict_display", method("x = {%s}" % ", ".join("'k%d': %s" % (i, v) for i, v in enumerate(names)))
    yield "set_display", method("x = {%s}" % commas)
    yield "string_parts", method("cursor.execute(%s + x)" % " ".join("'select %d '" % i for i in range(n)))
    yield "fstring_parts", method("cursor.execute(f'%s')" % "".join("{%s}" % v for v in names))
    yield "comparison_chain", method("self.assertTrue(%s)" % " < ".join(names))
    yield "assert_chain", method("assert %s" % " == ".join(names))
    yield "tuple_targets", method("%s = %s\nself.assertTrue(v0)" % (commas, ", ".join(str(i) for i in range(n))))
    yield "subscript_items", method("self.assertTrue(x[%s])" % commas)
    yield "delete_targets", method("del %s" % commas)
    yield "global_names", "def f():\n    global %s\n" % commas
    yield "import_names", "from m import %s\n" % commas
    yield "decorators", "".join("@d%d\n" % i for i in range(n)) + "def test_f():\n    pass\n"
    yield "class_bases", "class ShapeTest(%s):\n    def test_a(self):\n        pass\n" % commas
    yield "parameters", "def f(%s):\n    pass\n" % commas
    yield "with_items", method("with %s:\n    pass" % ", ".join("open(p) as %s" % v for v in names))
    yield "except_body", method("try:\n    pass\nexcept Exception:\n" + "\n".join("    %s = 1" % v for v in names))
    yield "except_types", method("try:\n    pass\nexcept (%s):\n    pass" % commas)
    yield "except_clauses", method("try:\n    pass\n" + "\n".join("except E%d:\n    pass" % i for i in range(n)))
    yield "elif_chain", method("if os.path.exists(p):\n    pass\n" + "\n".join("elif %s:\n    open(p)" % v for v in names))
    yield "match_cases", method("match x:\n" + "\n".join("    case %d:\n        pass" % i for i in range(n)))
    yield "lambda_parameters", method("f = lambda %s: 0" % commas)
    yield "print_py2", "print %s\n" % commas
    yield "error_node", method("x = (" + " ".join(names) + " :")
    yield "unclosed_call", method("self.assertTrue(" + ", ".join(names))
    yield "secret_targets", method("%s = %s" % (", ".join("password%d" % i for i in range(n)), ", ".join("'hunter%d'" % i for i in range(n))))
    yield "random_targets", method("%s = %s" % (", ".join("token%d" % i for i in range(n)), ", ".join("random.random()" for i in range(n))))
    yield "for_targets", method("for %s in x:\n    pass" % commas)
    yield "format_fields", method("cursor.execute('select ' + '%s' %% (%s))" % (" ".join("%s" for _ in range(n)), commas))
    yield "format_tuple", method("cursor.execute('select %%s' %% (%s))" % commas)
    for callee in ("logging.info", "log.debug", "cursor.execute", "subprocess.Popen", "os.system", "open", "os.chmod",
                   "tempfile.mktemp", "sock.bind", "random.choice", "pickle.loads", "yaml.load", "etree.XMLParser",
                   "jinja2.Environment", "app.run", "super", "self.assertRaises", "self.assertTrue", "self.addCleanup",
                   "requests.get", "hashlib.md5", "eval"):
        yield "call_" + callee.replace(".", "_"), method("%s(%s, %s)" % (callee, ", ".join("'x'" for _ in range(n)), ", ".join("k%d=%s" % (i, v) for i, v in enumerate(names))))
    # deep: chains that nest n levels
    yield "chained_assign", method("%s = 1" % " = ".join(names))
    yield "plus_chain", method("cursor.execute('select ' + %s)" % " + ".join(names))
    yield "and_chain", method("self.assertTrue(%s)" % " and ".join(names))
    yield "not_chain", method("self.assertTrue(%sx)" % ("not " * n))
    yield "minus_chain", method("y = %sx" % ("-" * n))
    yield "attr_chain", method("y = x" + ".a" * n)
    yield "call_chain", method("y = f" + "()" * n)
    yield "subscript_chain", method("y = x" + "[0]" * n)
    yield "ternary_chain", method("y = " + "a if b else " * n + "c")
    yield "lambda_chain", method("y = " + "lambda: " * n + "0")
    yield "await_chain", "async def f():\n    return " + "await " * n + "x\n"
    yield "percent_chain", method("cursor.execute('%s' " + "% x " * n + ")")
    yield "noqa_lines", method("\n".join("%s = 1  # noqa: DED001" % v for v in names))


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) == 3 else 20000
    os.makedirs(out, exist_ok=True)
    for name, text in shapes(n):
        with open(os.path.join(out, name + ".py"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
