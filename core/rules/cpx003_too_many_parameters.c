/* CPX003 too-many-parameters: a function with more than 5 parameters.
 *
 * ## What it does
 * Counts the positional-only, regular and keyword-only parameters of each
 * function (`def` and `async def`; not lambdas), without `*args`,
 * `**kwargs` and a method's first parameter (`self`, `cls`; not in a
 * `@staticmethod`), and flags a function with more than 5 (configurable
 * `max-parameters`).
 *
 * ## Why is this bad?
 * Every caller has to get many arguments right, in the right order; the
 * function probably does several things, or several of its parameters
 * belong together in one object.
 *
 * ## Example
 * ```python
 * def send(host, port, user, password, subject, body, retries):
 *     ...
 * ```
 *
 * ## Use instead
 * ```python
 * def send(server: Server, message: Message, retries=3):
 *     ...
 * ```
 */
#include "options.h"
#include "rule.h"
#include "rule_docs.h"

/* The parameters counted: named ones, not `*args`/`**kwargs` or separators. */
static uint32_t cpx003_count(TSNode params) {
  uint32_t count = 0, n = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(params, i);
    switch (pr_node_kind(p)) {
    case pr_kind_identifier: case pr_kind_default_parameter: case pr_kind_typed_default_parameter:
      count++;
      break;
    case pr_kind_typed_parameter: {
      /* `*args: int` is a typed_parameter around a splat */
      pr_kind k = pr_node_kind(ts_node_named_child(p, 0));
      if (k != pr_kind_list_splat_pattern && k != pr_kind_dictionary_splat_pattern) count++;
      break;
    }
    default:
      break;
    }
  }
  return count;
}

static void cpx003_check(pr_ctx *ctx, TSNode def) {
  TSNode name = pr_child(def, pr_field_name);
  TSNode params = pr_child(def, pr_field_parameters);
  if (ts_node_is_null(name) || ts_node_is_null(params)) return;
  uint32_t count = cpx003_count(params);
  const pr_model *m = ctx->model;
  if (count && ctx->own_scope < m->scope_count && m->scopes[ctx->own_scope].is_method &&
      !m->scopes[ctx->own_scope].is_static)
    count--;
  uint32_t limit = ctx->thresholds->max_parameters;
  if (count <= limit) return;
  uint32_t len;
  const char *s = pr_text(ctx, name, &len);
  pr_report(ctx, name,
            "`%.*s` has %u parameters (limit %u): group the ones that belong together into an object, or split "
            "the function",
            (int)len, s, count, limit);
}

const pr_rule pr_rule_cpx003 = {
  .code = "CPX003",
  .name = "too-many-parameters",
  .category = "Complexity",
  .severity = PR_SEV_INFORMATION,
  .cwe = 0,
  .tags = 0,
  .flags = 0,
  .summary = "A function with more than 5 parameters",
  .doc = pr_doc_cpx003,
  .kinds = {pr_kind_function_definition},
  .on_node = cpx003_check,
};
