"""Class attributes bound to literals, and compile inside eval/exec."""


class HostCommands:
    add_host = 'self.controller._add_host'
    remove_host = 'self.controller._remove_host'
    template: str = "self.controller.{}"
    changed = 'self.a'
    retargeted = 'self.b'
    counted = 'self.c'
    unpacked = 'self.d'
    dynamic = 'self.e'
    twice = 'self.f'
    twice = 'self.g'
    computed = make_expression()

    def run_add(self):
        # negative: a class attribute bound to a literal, never assigned by the file
        return eval(self.add_host)

    @classmethod
    def run_remove(cls):
        # negative: through cls, and as an operand
        return eval(cls.remove_host + "()")

    def run_template(self, name):
        # negative: an annotated class attribute, formatted with a literal
        return eval(self.template.format("x"))

    def run_named(self):
        # negative: through the class's own name, in an f-string field
        return eval(f"{HostCommands.add_host}()")

    def run_changed(self):
        # positive: the attribute is assigned by a statement of the file
        return eval(self.changed)  # [SEC003]

    def run_retargeted(self):
        # positive: assigned through another object
        return eval(self.retargeted)  # [SEC003]

    def run_counted(self):
        # positive: an augmented assignment anywhere in the file
        return eval(self.counted)  # [SEC003]

    def run_unpacked(self):
        # positive: a target list assigns it
        return eval(self.unpacked)  # [SEC003]

    def run_dynamic(self):
        # positive: setattr with its name assigns it
        return eval(self.dynamic)  # [SEC003]

    def run_twice(self):
        # positive: bound twice in the class body
        return eval(self.twice)  # [SEC003]

    def run_computed(self):
        # positive: bound to a call, not a literal
        return eval(self.computed)  # [SEC003]

    def run_missing(self):
        # positive: not bound in the class body (an instance attribute)
        return eval(self.expression)  # [SEC003]

    def run_other(self, other):
        # positive: another object's attribute
        return eval(other.add_host)  # [SEC003]


def elsewhere(commands, obj):
    commands.changed = input()
    obj.retargeted = "x"
    obj.counted += "y"
    obj.unpacked, obj.first = "a", "b"
    setattr(obj, "dynamic", input())


def compiled(src, path):
    # positive: one finding, at the outer call
    exec(compile(src, path, "exec"))  # [SEC003]
    # positive: eval(compile(...)) too, with namespaces
    return eval(compile(src, "<expr>", "eval"), {}, {})  # [SEC003]


def compiled_literal(path):
    # negative: compile of literal source inside exec
    exec(compile("x = 1", path, "exec"))
    # negative: the source passed by keyword, literal
    return eval(compile(source="1 + 1", filename="<e>", mode="eval"))


def compiled_alone(src):
    # positive: compile alone still reports
    code = compile(src, "<s>", "exec")  # [SEC003]
    # positive: compile as a non-first argument is its own finding
    return exec("pass", compile(src, "<s>", "eval"))  # [SEC003]
