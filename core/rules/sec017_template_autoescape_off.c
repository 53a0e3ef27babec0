/* SEC017 template-autoescape-off: Jinja2 without autoescaping, or markup built from unescaped values.
 *
 * ## What it does
 * Flags:
 * - `jinja2.Environment(...)` and `jinja2.Template(...)` without an
 *   `autoescape` argument or with `autoescape=False` (any other value, such
 *   as `select_autoescape(...)` or `True`, counts as on; a call passing
 *   `**options` may set it and is not flagged);
 * - `django.utils.safestring.mark_safe` (also as `django.utils.html.mark_safe`)
 *   and `markupsafe.Markup` (also as `flask.Markup`, `jinja2.Markup`) on an
 *   argument that is not a literal value (catalog: Literal values; an f-string
 *   with a replacement field is not literal). A call of an escaping function
 *   (`html.escape`, `markupsafe.escape`, `Markup.escape`,
 *   `django.utils.html.escape`, `conditional_escape`, `format_html`,
 *   `bleach.clean`) counts as literal there: as the whole argument, as an
 *   operand, as a replacement field, or through a name bound once to it.
 * A `str.join` of a literal or escaped separator over a comprehension or
 * display of literal or escaped elements counts as escaped too
 * (`Markup("\n".join(f"<p>{escape(x)}</p>" for x in rows))`). Decorators
 * (`@mark_safe`) are not calls and are not flagged.
 *
 * ## Why is this bad?
 * Text that reaches HTML unescaped is cross-site scripting (CWE-79): a value
 * holding `<script>` runs in every visitor's browser. Jinja2 escapes nothing
 * unless told to, and `mark_safe`/`Markup` tell the template engine that the
 * text is already safe HTML, so it is never escaped again.
 *
 * ## Example
 * ```python
 * from django.utils.safestring import mark_safe
 * from jinja2 import Environment, FileSystemLoader
 *
 * env = Environment(loader=FileSystemLoader("templates"))
 *
 * def badge(user):
 *     return mark_safe(f"<span class='badge'>{user.name}</span>")
 * ```
 *
 * ## Use instead
 * ```python
 * from django.utils.html import format_html
 * from jinja2 import Environment, FileSystemLoader, select_autoescape
 *
 * env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
 *
 * def badge(user):
 *     return format_html("<span class='badge'>{}</span>", user.name)
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

static const char *const sec017_templates[] = {
  "jinja2.Environment", "jinja2.environment.Environment", "jinja2.Template", "jinja2.environment.Template", NULL,
};

static const char *const sec017_mark_safe[] = {
  "django.utils.safestring.mark_safe", "django.utils.html.mark_safe", NULL,
};

static const char *const sec017_markup[] = {
  "markupsafe.Markup", "flask.Markup", "jinja2.Markup", "jinja2.utils.Markup", NULL,
};

static const char *const sec017_escapes[] = {
  "html.escape", "markupsafe.escape", "markupsafe.Markup.escape", "flask.Markup.escape", "jinja2.Markup.escape",
  "jinja2.utils.Markup.escape", "flask.escape", "jinja2.escape", "django.utils.html.escape",
  "django.utils.html.conditional_escape", "django.utils.html.format_html", "bleach.clean", NULL,
};

static bool sec017_escaping(const pr_ctx *ctx, TSNode call, uint32_t scope);

/* `sep.join(items)` with a literal or escaped separator over a comprehension,
 * generator or display whose every element is literal or escaped
 * (`"\n".join(f"<p>{escape(x)}</p>" for x in rows)`, Django's
 * `format_html_join`): as safe as its parts. Not in the catalog's row; a
 * reviewer would not accept a finding there. */
static bool sec017_safe_join(const pr_ctx *ctx, TSNode call, uint32_t scope) {
  TSNode fn = pr_unparenthesize(pr_child(call, pr_field_function));
  if (pr_node_kind(fn) != pr_kind_attribute || !pr_text_is(ctx, pr_child(fn, pr_field_attribute), "join")) return false;
  if (!pr_is_literal_accepting(ctx, pr_child(fn, pr_field_object), scope, sec017_escaping)) return false;
  TSNode args = pr_child(call, pr_field_arguments);
  TSNode items = pr_node_kind(args) == pr_kind_generator_expression ? args : pr_unparenthesize(pr_call_positional(call, 0));
  pr_kind k = pr_node_kind(items);
  if (k == pr_kind_generator_expression || k == pr_kind_list_comprehension) {
    uint32_t inner = pr_model_scope_of_node(ctx->model, items);
    TSNode body = pr_child(items, pr_field_body);
    return !ts_node_is_null(body) && inner != PR_NONE &&
           pr_is_literal_accepting(ctx, body, inner, sec017_escaping);
  }
  if (k == pr_kind_list || k == pr_kind_tuple) {
    uint32_t n = ts_node_named_child_count(items);
    for (uint32_t i = 0; i < n; i++) {
      TSNode e = ts_node_named_child(items, i);
      if (pr_node_kind(e) == pr_kind_comment) continue;
      if (!pr_is_literal_accepting(ctx, e, scope, sec017_escaping)) return false;
    }
    return true;
  }
  return false;
}

/* An escaping call counts as a literal operand (see the doc above). */
static bool sec017_escaping(const pr_ctx *ctx, TSNode call, uint32_t scope) {
  char q[128];
  if (pr_qualified_name(ctx, pr_child(call, pr_field_function), scope, q, sizeof q))
    for (int i = 0; sec017_escapes[i]; i++)
      if (!strcmp(q, sec017_escapes[i])) return true;
  return sec017_safe_join(ctx, call, scope);
}

/* Every finding needs jinja2, `mark_safe` or `Markup` named in the text (an alias is imported by its name too) (names.h: pr_text_mentions). */
static const char *const sec017_needles[] = {"jinja2", "mark_safe", "Markup", NULL};

static bool sec017_relevant(pr_ctx *ctx) {
  return pr_rule_mentions(ctx, sec017_needles);
}

static void sec017_check(pr_ctx *ctx, TSNode call) {
  if (!sec017_relevant(ctx)) return;
  char q[128];
  if (!pr_call_qualified_name(ctx, call, q, sizeof q)) return;
  for (int i = 0; sec017_templates[i]; i++) {
    if (strcmp(q, sec017_templates[i])) continue;
    const char *cls = strrchr(sec017_templates[i], '.') + 1;
    TSNode autoescape = pr_unparenthesize(pr_call_keyword(ctx, call, "autoescape"));
    if (ts_node_is_null(autoescape)) {
      if (pr_call_has_kwargs_splat(call)) return;
      pr_report(ctx, call,
                "`jinja2.%s` without `autoescape` renders every value unescaped; pass "
                "`autoescape=select_autoescape()` (or `True`)",
                cls);
    } else if (pr_node_kind(autoescape) == pr_kind_false) {
      pr_report(ctx, call,
                "`jinja2.%s(autoescape=False)` renders every value unescaped; pass "
                "`autoescape=select_autoescape()` (or `True`)",
                cls);
    }
    return;
  }
  const char *what = NULL, *keyword = NULL;
  for (int i = 0; sec017_mark_safe[i] && !what; i++)
    if (!strcmp(q, sec017_mark_safe[i])) { what = "mark_safe"; keyword = "s"; }
  for (int i = 0; sec017_markup[i] && !what; i++)
    if (!strcmp(q, sec017_markup[i])) { what = "Markup"; keyword = "base"; }
  if (!what) return;
  TSNode arg = pr_call_argument(ctx, call, 0, keyword);
  /* markupsafe names the parameter `object` (2.1 and later), `base` before */
  if (ts_node_is_null(arg) && !strcmp(what, "Markup")) arg = pr_call_keyword(ctx, call, "object");
  if (ts_node_is_null(arg)) return;
  if (pr_is_literal_accepting(ctx, arg, ctx->scope, sec017_escaping)) return;
  pr_report(ctx, call,
            "`%s` of a value that is not a literal marks it as safe HTML, so it is never escaped; escape the "
            "values (`format_html`, `escape`) or let the template do it",
            what);
}

const pr_rule pr_rule_sec017 = {
  .code = "SEC017",
  .name = "template-autoescape-off",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 79,
  .summary = "Jinja2 without autoescaping, or mark_safe/Markup of a non-literal value",
  .doc = pr_doc_sec017,
  .kinds = {pr_kind_call},
  .on_node = sec017_check,
};
