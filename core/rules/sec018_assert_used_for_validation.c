/* SEC018 assert-used-for-validation: an `assert` that checks a parameter.
 *
 * ## What it does
 * Flags an `assert` statement in a function whose test reads a parameter of
 * the innermost enclosing function. A method's first parameter (`self`,
 * `cls`) does not count, so `assert self._conn is not None` is fine.
 * Module-level asserts are not flagged. Not in tests.
 *
 * ## Why is this bad?
 * Python removes `assert` statements when run with `-O` or
 * `PYTHONOPTIMIZE` (CWE-617): checking the arguments a caller passed with an
 * assert means the check silently disappears in optimised deployments, and
 * invalid input flows on. Asserts are for internal invariants, not for
 * validating input.
 *
 * ## Example
 * ```python
 * def withdraw(account, amount):
 *     assert amount > 0, "amount must be positive"
 *     account.balance -= amount
 * ```
 *
 * ## Use instead
 * ```python
 * def withdraw(account, amount):
 *     if amount <= 0:
 *         raise ValueError("amount must be positive")
 *     account.balance -= amount
 * ```
 */
#include "rule.h"
#include "rule_docs.h"

/* True when the identifier `id`, read in `scope`, is a parameter (other than a
 * method's first) of the function scope `fn`. */
static bool sec018_is_parameter(const pr_ctx *ctx, TSNode id, uint32_t scope, uint32_t fn) {
  const pr_model *m = ctx->model;
  uint32_t len;
  const char *t = pr_text(ctx, id, &len);
  uint32_t b = pr_model_resolve(m, scope, t, len, ts_node_start_byte(id));
  if (b == PR_NONE) return false;
  const pr_symbol *sym = &m->symbols[m->bindings[b].symbol];
  if (sym->scope != fn || sym->first == PR_NONE) return false;
  const pr_binding *first = &m->bindings[sym->first];
  return first->kind == PR_BIND_PARAMETER && !(first->flags & PR_BF_FIRST_PARAM);
}

/* The first parameter read under `node` (its identifiers in `scope`), or a null node. */
static TSNode sec018_parameter_read(const pr_ctx *ctx, TSNode node, uint32_t scope, uint32_t fn, int depth) {
  if (depth > 64) return (TSNode){0};
  pr_kind k = pr_node_kind(node);
  if (k == pr_kind_identifier) return sec018_is_parameter(ctx, node, scope, fn) ? node : (TSNode){0};
  if (k == pr_kind_lambda || k == pr_kind_list_comprehension || k == pr_kind_set_comprehension ||
      k == pr_kind_dictionary_comprehension || k == pr_kind_generator_expression) {
    uint32_t inner = pr_model_scope_of_node(ctx->model, node);
    if (inner != PR_NONE) scope = inner;
  }
  TSTreeCursor cur = ts_tree_cursor_new(node);
  TSNode found = {0};
  if (ts_tree_cursor_goto_first_child(&cur)) {
    do {
      TSNode c = ts_tree_cursor_current_node(&cur);
      if (!ts_node_is_named(c)) continue;
      TSFieldId f = ts_tree_cursor_current_field_id(&cur);
      /* `x.name` and `f(name=...)` do not read `name` */
      if (k == pr_kind_attribute && f == pr_field_id(pr_field_attribute)) continue;
      if (k == pr_kind_keyword_argument && f == pr_field_id(pr_field_name)) continue;
      found = sec018_parameter_read(ctx, c, scope, fn, depth + 1);
    } while (ts_node_is_null(found) && ts_tree_cursor_goto_next_sibling(&cur));
  }
  ts_tree_cursor_delete(&cur);
  return found;
}

static void sec018_check(pr_ctx *ctx, TSNode assert_stmt) {
  const pr_model *m = ctx->model;
  if (ctx->scope == PR_NONE || m->scopes[ctx->scope].kind != PR_SCOPE_FUNCTION) return;
  TSNode test = {0};
  uint32_t n = ts_node_named_child_count(assert_stmt);
  for (uint32_t i = 0; i < n && ts_node_is_null(test); i++) {
    TSNode c = ts_node_named_child(assert_stmt, i);
    if (pr_node_kind(c) != pr_kind_comment) test = c;
  }
  if (ts_node_is_null(test)) return;
  TSNode param = sec018_parameter_read(ctx, test, ctx->scope, ctx->scope, 0);
  if (ts_node_is_null(param)) return;
  uint32_t len;
  const char *name = pr_text(ctx, param, &len);
  pr_report(ctx, assert_stmt,
            "`assert` checks the parameter `%.*s`, and Python removes asserts under `-O`; raise an exception "
            "(`ValueError`, `TypeError`) for invalid arguments instead",
            (int)len, name);
}

const pr_rule pr_rule_sec018 = {
  .code = "SEC018",
  .name = "assert-used-for-validation",
  .category = "Security",
  .severity = PR_SEV_INFORMATION,
  .cwe = 617,
  .flags = PR_RULE_NOT_IN_TESTS,
  .summary = "An `assert` that validates a parameter (removed under `python -O`)",
  .doc = pr_doc_sec018,
  .kinds = {pr_kind_assert_statement},
  .on_node = sec018_check,
};
