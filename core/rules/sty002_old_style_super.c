/* STY002 old-style-super: `super(C, self)` where `super()` does the same.
 *
 * ## What it does
 * Flags `super(C, x)` called directly in a method (not in a nested function,
 * lambda or comprehension) of the innermost enclosing class `C`, where `x`
 * is the method's first parameter (`self`, `cls`). Files with Python 2-only
 * syntax are not checked: there the arguments are required.
 *
 * ## Why is this bad?
 * The arguments repeat what Python 3 knows already, and they go stale: a
 * renamed or copied class keeps calling `super()` of the old name, which
 * skips or repeats a base class's method.
 *
 * ## Example
 * ```python
 * class Client(BaseClient):
 *     def __init__(self, url):
 *         super(Client, self).__init__(url)
 * ```
 *
 * ## Use instead
 * ```python
 * class Client(BaseClient):
 *     def __init__(self, url):
 *         super().__init__(url)
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

/* The first parameter's name of a function_definition, or a null node. */
static TSNode sty002_first_parameter(TSNode def) {
  TSNode params = pr_child(def, pr_field_parameters);
  uint32_t n = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(params, i);
    pr_kind k = pr_node_kind(p);
    if (k == pr_kind_comment) continue;
    if (k == pr_kind_identifier) return p;
    if (k == pr_kind_typed_parameter) {
      TSNode c = ts_node_named_child(p, 0);
      return pr_node_kind(c) == pr_kind_identifier ? c : (TSNode){0};
    }
    if (k == pr_kind_default_parameter || k == pr_kind_typed_default_parameter) return pr_child(p, pr_field_name);
    return (TSNode){0};
  }
  return (TSNode){0};
}

static void sty002_check(pr_ctx *ctx, TSNode call) {
  TSNode fn = pr_child(call, pr_field_function);
  if (pr_node_kind(fn) != pr_kind_identifier || !pr_text_is(ctx, fn, "super")) return;
  const pr_model *m = ctx->model;
  if (pr_model_resolve(m, ctx->scope, "super", 5, ts_node_start_byte(fn)) != PR_NONE) return;  /* a file's own super */
  if (ctx->scope >= m->scope_count) return;
  const pr_scope *method = &m->scopes[ctx->scope];
  if (method->kind != PR_SCOPE_FUNCTION || !method->is_method || method->is_static) return;
  const pr_scope *cls = &m->scopes[method->parent];
  TSNode args = pr_child(call, pr_field_arguments);
  if (pr_node_kind(args) != pr_kind_argument_list) return;
  TSNode a[3];
  uint32_t count = 0, n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(args, i);
    if (pr_node_kind(c) == pr_kind_comment) continue;
    if (count == 2) return;
    a[count++] = c;
  }
  if (count != 2 || pr_node_kind(a[0]) != pr_kind_identifier || pr_node_kind(a[1]) != pr_kind_identifier) return;
  if (!pr_text_is(ctx, a[0], cls->name)) return;
  TSNode first = sty002_first_parameter(method->node);
  uint32_t fl = 0, al = 0;
  const char *fs = ts_node_is_null(first) ? NULL : pr_text(ctx, first, &fl);
  const char *as = pr_text(ctx, a[1], &al);
  if (!fs || fl != al || memcmp(fs, as, al) != 0) return;
  pr_finding *f = pr_report(ctx, call, "`super(%s, %.*s)` can be written `super()`", cls->name, (int)al, as);
  if (!f) return;
  pr_finding_set_fix(ctx, f, "Use `super()`");
  pr_finding_add_edit(ctx, f, ts_node_start_byte(args), ts_node_end_byte(args), "()", 2);
}

const pr_rule pr_rule_sty002 = {
  .code = "STY002",
  .name = "old-style-super",
  .category = "Style",
  .severity = PR_SEV_HINT,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_NO_PY2,
  .summary = "`super(C, self)` where `super()` does the same",
  .doc = pr_doc_sty002,
  .kinds = {pr_kind_call},
  .on_node = sty002_check,
};
