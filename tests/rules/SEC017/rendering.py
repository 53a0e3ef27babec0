"""HTML rendering helpers for the shop front-end."""
import html

import bleach
import jinja2
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from flask import Markup
from jinja2 import Environment, FileSystemLoader, Template, select_autoescape
from markupsafe import Markup as SafeMarkup, escape as ms_escape

FOOTER = "<footer>&copy; Shop</footer>"

# positive: an Environment without autoescape
env = Environment(loader=FileSystemLoader("templates"))  # [SEC017]
# positive: autoescape explicitly off
raw_env = jinja2.Environment(autoescape=False)  # [SEC017]
# negative: select_autoescape counts as on
safe_env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
# negative: True, or a value decided elsewhere
on_env = Environment(autoescape=True)


def make_env(options, autoescape):
    # negative: any non-False value counts as on
    env2 = Environment(autoescape=autoescape)
    # negative: **options may carry autoescape
    env3 = Environment(**options)
    return env2, env3


def greeting(name):
    # positive: a Template built directly, no autoescape
    return Template("Hello {{ name }}!").render(name=name)  # [SEC017]


def badge(user):
    # positive: an f-string with a replacement field
    return mark_safe(f"<span class='badge'>{user.name}</span>")  # [SEC017]


def badge_escaped(user):
    # negative: the replacement field is escaped
    return mark_safe(f"<span class='badge'>{escape(user.name)}</span>")


def footer():
    # negative: a literal and a module constant bound once to a literal
    return mark_safe("<hr>") + mark_safe(FOOTER)


def comment(text):
    # positive: a parameter
    return Markup(text)  # [SEC017]


def comment_keyword(text):
    # positive: the argument passed by markupsafe's keyword
    return Markup(object=text)  # [SEC017]


def comment_cleaned(text):
    # negative: bleach.clean as the whole argument
    return Markup(bleach.clean(text))


def title(text):
    safe = html.escape(text)
    # negative: through a name bound once to an escaping call, and as an operand
    return SafeMarkup(safe) + SafeMarkup("<h1>" + ms_escape(text) + "</h1>")


def link(url, label):
    # positive: % formatting with a non-literal operand
    return SafeMarkup('<a href="%s">%s</a>' % (url, label))  # [SEC017]


def link_escaped(url, label):
    # negative: every operand escaped, format_html and conditional_escape
    a = SafeMarkup('<a href="%s">%s</a>' % (conditional_escape(url), SafeMarkup.escape(label)))
    b = mark_safe(format_html("<b>{}</b>", label))
    return a + b


def rows(items):
    out = ""
    for item in items:
        out += "<li>%s</li>" % escape(item)
    # positive: a name bound more than once is not literal
    return mark_safe(out)  # [SEC017]


def bullet_list(items, sep):
    # negative: a literal separator joining escaped elements
    a = Markup("\n".join(f"<li>{escape(item)}</li>" for item in items))
    # negative: an escaped separator over a list of escaped values
    b = mark_safe(conditional_escape(sep).join([escape(items[0]), "<br>"]))
    # positive: joining elements that are not escaped
    c = Markup("\n".join(f"<li>{item}</li>" for item in items))  # [SEC017]
    return a + b + c


class Widget:
    template = "<input name='%s'>"

    def render(self, name):
        # positive: .format() with an attribute argument, in a method
        return mark_safe(  # [SEC017]
            "<div>{}</div>".format(self.label)
        )


# negative: a decorator is never a call
@mark_safe
def legacy_label():
    return "<i>label</i>"
