/* DOC102 missing-function-docstring: a public function of 5 or more statements without a docstring.
 *
 * ## What it does
 * Flags a public function or method (its name, and those of the classes
 * around it, do not start with `_`; defined at module level or in classes
 * that are not inside a function) with 5 or more statements and no
 * docstring. Not flagged: dunders (`__init__`), names chosen by an API
 * (unittest's `setUp`/`tearDown`/`assert*`, logging's `emit`/`setLevel`,
 * `do_GET`, `visit_Name`, `generic_visit`, xml.sax's `startElement` ...),
 * `@x.setter`/`@x.deleter` property methods, `@overload` stubs,
 * `@override`-decorated methods, and functions in test code.
 *
 * ## Why is this bad?
 * A public function is used by people who did not write it. Without a
 * docstring they must read its body to learn what it expects, returns and
 * raises, and editors and `help()` have nothing to show.
 *
 * ## Example
 * ```python
 * def load_config(path, env):
 *     with open(path) as f:
 *         data = json.load(f)
 *     merged = data["default"]
 *     merged.update(data.get(env, {}))
 *     return merged
 * ```
 *
 * ## Use instead
 * ```python
 * def load_config(path, env):
 *     """Reads the JSON config at `path` and returns the defaults merged
 *     with the section for `env` (missing sections are ignored)."""
 *     ...
 * ```
 */
#include "hooks.h"
#include "options.h"
#include "names.h"
#include "rule.h"
#include "statements.h"
#include "rule_docs.h"

#include <string.h>

/* The catalog's threshold: functions shorter than this need no docstring. */
#define DOC102_MIN_STATEMENTS (ctx->thresholds->docstring_statements)

/* --- statement count: a copy of CPX001's (rules cannot call each other) --- */


/* True when the body's first statement did not parse: it may be the docstring. */
static bool doc102_starts_with_error(TSNode def) {
  TSNode body = pr_child(def, pr_field_body);
  uint32_t n = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; i++) {
    TSNode s = ts_node_named_child(body, i);
    if (pr_node_kind(s) == pr_kind_comment) continue;
    return ts_node_has_error(s);
  }
  return ts_node_is_null(body) || ts_node_has_error(body);
}

/* --- exemptions --- */

static bool doc102_is(const char *s, uint32_t n, const char *word) {
  return strlen(word) == n && memcmp(s, word, n) == 0;
}

/* logging hooks with plain names: hooks only in a class deriving from a logging
 * Handler, Formatter, Filter or Logger. */
static const char *const doc102_logging_hooks[] = {
  "emit", "handle", "flush", "close", "format", "filter", "acquire", "release", NULL,
};

/* True when a base class's last name part ends in one of logging's class names. */
static bool doc102_has_logging_base(const pr_ctx *ctx, TSNode cls) {
  static const char *const suffixes[] = {"Handler", "Formatter", "Filter", "Logger", "LoggerAdapter", NULL};
  TSNode bases = pr_child(cls, pr_field_superclasses);
  uint32_t n = ts_node_is_null(bases) ? 0 : ts_node_named_child_count(bases);
  for (uint32_t i = 0; i < n; i++) {
    TSNode b = ts_node_named_child(bases, i);
    if (pr_node_kind(b) == pr_kind_attribute) b = pr_child(b, pr_field_attribute);
    if (pr_node_kind(b) != pr_kind_identifier) continue;
    uint32_t len;
    const char *s = pr_text(ctx, b, &len);
    for (int k = 0; suffixes[k]; k++) {
      size_t sl = strlen(suffixes[k]);
      if (len >= sl && !memcmp(s + len - sl, suffixes[k], sl)) return true;
    }
  }
  return false;
}

static bool doc102_is_hook(const pr_ctx *ctx, const pr_scope *fn, const char *s, uint32_t n) {
  pr_hook hook = pr_hook_kind(s, n);
  if (hook == PR_HOOK_NAME) return true;
  if (!fn->is_method) return false;
  /* `do_*` / `visit_*` are hooks as methods; a module-level `do_work` is the file's own */
  if (hook == PR_HOOK_HANDLER) return true;
  for (int i = 0; doc102_logging_hooks[i]; i++)
    if (doc102_is(s, n, doc102_logging_hooks[i]))
      return doc102_has_logging_base(ctx, ctx->model->scopes[fn->parent].node);
  return false;
}

/* The last name part of a decorator's expression (call stripped): `setter` in
 * `@x.setter`, `overload` in `@typing.overload`. `object` receives the part
 * before it, or a null node. */
static TSNode doc102_decorator_name(TSNode decorator, TSNode *object) {
  TSNode e = pr_unparenthesize(ts_node_named_child(decorator, 0));
  if (pr_node_kind(e) == pr_kind_call) e = pr_unparenthesize(pr_child(e, pr_field_function));
  *object = (TSNode){0};
  if (pr_node_kind(e) == pr_kind_identifier) return e;
  if (pr_node_kind(e) == pr_kind_attribute) {
    *object = pr_child(e, pr_field_object);
    return pr_child(e, pr_field_attribute);
  }
  return (TSNode){0};
}

/* True for @x.setter / @x.deleter, @overload and @override (@overrides) decorations. */
static bool doc102_exempt_decorator(const pr_ctx *ctx, TSNode def) {
  TSNode parent = pr_model_decorated(ctx->model, def);
  if (pr_node_kind(parent) != pr_kind_decorated_definition) return false;
  uint32_t n = ts_node_named_child_count(parent);
  for (uint32_t i = 0; i < n; i++) {
    TSNode d = ts_node_named_child(parent, i);
    if (pr_node_kind(d) != pr_kind_decorator) continue;
    TSNode object;
    TSNode last = doc102_decorator_name(d, &object);
    if (ts_node_is_null(last)) continue;
    if (!ts_node_is_null(object) && (pr_text_is(ctx, last, "setter") || pr_text_is(ctx, last, "deleter")))
      return true;
    if (pr_text_is(ctx, last, "overload") || pr_text_is(ctx, last, "override") ||
        pr_text_is(ctx, last, "overrides"))
      return true;
    /* through an import alias: `from typing import overload as ov` ... `@ov` */
    TSNode e = pr_unparenthesize(ts_node_named_child(d, 0));
    if (pr_node_kind(e) == pr_kind_call) e = pr_unparenthesize(pr_child(e, pr_field_function));
    char q[128];
    uint32_t ql = pr_qualified_name(ctx, e, ctx->scope, q, sizeof q);
    static const char *const names[] = {".overload", ".override", ".overrides", NULL};
    for (int k = 0; ql && names[k]; k++) {
      size_t nl = strlen(names[k]);
      if (ql > nl && !memcmp(q + ql - nl, names[k], nl)) return true;
    }
  }
  return false;
}

/* Public (catalog: Definitions): the name and every enclosing class's name do
 * not start with `_`, and no function encloses it. */
static bool doc102_is_public(const pr_model *m, uint32_t scope) {
  if (m->scopes[scope].name[0] == '_') return false;
  for (uint32_t s = m->scopes[scope].parent; s != PR_NONE && s != 0; s = m->scopes[s].parent) {
    if (m->scopes[s].kind != PR_SCOPE_CLASS || m->scopes[s].name[0] == '_') return false;
  }
  return true;
}

static void doc102_check(pr_ctx *ctx, TSNode def) {
  uint32_t scope = ctx->own_scope;
  if (scope == PR_NONE || scope >= ctx->model->scope_count) return;
  const pr_scope *fn = &ctx->model->scopes[scope];
  TSNode name = pr_child(def, pr_field_name);
  if (ts_node_is_null(name)) return;
  uint32_t len;
  const char *s = pr_text(ctx, name, &len);
  if (len > 4 && s[0] == '_' && s[1] == '_' && s[len - 1] == '_' && s[len - 2] == '_') return;  /* dunder */
  if (!doc102_is_public(ctx->model, scope)) return;
  if (doc102_is_hook(ctx, fn, s, len)) return;
  if (doc102_exempt_decorator(ctx, def)) return;
  if (!ts_node_is_null(pr_docstring(ctx->text, def)) || doc102_starts_with_error(def)) return;
  uint32_t count = pr_def_statement_count(ctx, def);
  if (count < DOC102_MIN_STATEMENTS) return;
  if (fn->is_method)
    pr_report(ctx, name,
              "Public method `%s.%.*s` has %u statements but no docstring: add one saying what it does, "
              "what it returns and what it raises",
              ctx->model->scopes[fn->parent].name, (int)len, s, count);
  else
    pr_report(ctx, name,
              "Public function `%.*s` has %u statements but no docstring: add one saying what it does, "
              "what it returns and what it raises",
              (int)len, s, count);
}

const pr_rule pr_rule_doc102 = {
  .code = "DOC102",
  .name = "missing-function-docstring",
  .category = "Documentation",
  .severity = PR_SEV_HINT,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_NOT_IN_TESTS,
  .summary = "A public function of 5 or more statements without a docstring",
  .doc = pr_doc_doc102,
  .kinds = {pr_kind_function_definition},
  .on_node = doc102_check,
};
