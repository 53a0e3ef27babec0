"""Loads plugins and local settings at start-up."""
import builtins
import os

# positive: module-level exec of a file's contents
exec(open(os.path.join(os.path.dirname(__file__), "settings_local.py")).read())  # [SEC003]


def load_plugin(path, namespace):
    with open(path) as fh:
        source = fh.read()
    # positive (one finding, at the outer call): exec() of compile() of non-literal source
    exec(compile(source, path, "exec"), namespace)  # [SEC003]


def compile_template(template_source):
    # positive: the first argument passed by its keyword (source=)
    return compile(source=template_source, filename="<template>", mode="exec")  # [SEC003]


def evaluate_setting(raw):
    # positive: builtins.eval is the builtin eval
    return builtins.eval(raw)  # [SEC003]
