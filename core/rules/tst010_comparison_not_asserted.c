/* TST010 comparison-not-asserted: a comparison whose result a test throws away.
 *
 * ## What it does
 * Flags an expression statement that is a comparison (`a == b`, any operator,
 * chained ones included) in a test function. The fix wraps it in `assert`.
 * Not flagged: a comparison where an exception or a warning is expected, which
 * is evaluated for what it raises (`with self.assertRaises(TypeError): a < b`,
 * `with pytest.warns(...)`, `with check_warnings()`, or the body of a `try`
 * with handlers), and a comparison with an instance of a class the file
 * defines (`Left() != Right()`, `recorder == 1` after `recorder = Recorder()`):
 * the test exercises its own comparison methods and checks what they did.
 *
 * ## Why is this bad?
 * The comparison is computed and discarded: nothing is checked, and the test
 * passes whatever the values are. It is almost always an `assert` that lost
 * its keyword.
 *
 * ## Example
 * ```python
 * def test_total():
 *     order = Order(total=100)
 *     order.total == 100
 * ```
 *
 * ## Use instead
 * ```python
 * def test_total():
 *     order = Order(total=100)
 *     assert order.total == 100
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"
#include "statements.h"

/* True when `name` (an identifier) is bound, where it is read, to a class of the file. */
static bool tst010_file_class(const pr_ctx *ctx, TSNode name) {
  if (pr_node_kind(name) != pr_kind_identifier) return false;
  const pr_model *m = ctx->model;
  uint32_t len;
  const char *s = pr_text(ctx, name, &len);
  uint32_t b = pr_model_resolve(m, ctx->scope, s, len, ts_node_start_byte(name));
  if (b == PR_NONE) return false;
  if (m->bindings[b].kind == PR_BIND_CLASS) return true;
  /* `AllTests = type("AllTests", (object,), d)`: a class made at run time */
  TSNode v = pr_unparenthesize(m->bindings[b].value);
  if (m->bindings[b].kind != PR_BIND_ASSIGN || pr_node_kind(v) != pr_kind_call) return false;
  TSNode fn = pr_unparenthesize(pr_child(v, pr_field_function));
  return pr_node_kind(fn) == pr_kind_identifier && pr_text_is(ctx, fn, "type") &&
         !ts_node_is_null(pr_call_positional(v, 2));
}

/* The value a local name holds where it is read: the value of the binding
 * reaching it (the nearest assignment above, in the same function), or null. */
static TSNode tst010_local_value(const pr_ctx *ctx, TSNode name) {
  const pr_model *m = ctx->model;
  uint32_t len;
  const char *s = pr_text(ctx, name, &len);
  uint32_t b = pr_model_resolve(m, ctx->scope, s, len, ts_node_start_byte(name));
  if (b == PR_NONE || m->bindings[b].scope != ctx->scope || m->bindings[b].kind != PR_BIND_ASSIGN) return (TSNode){0};
  /* the last assignment of the name above the read */
  TSNode value = (TSNode){0};
  uint32_t at = ts_node_start_byte(name);
  for (uint32_t i = m->symbols[m->bindings[b].symbol].first; i != PR_NONE; i = m->bindings[i].next) {
    if (ts_node_start_byte(m->bindings[i].node) >= at) break;
    value = m->bindings[i].kind == PR_BIND_ASSIGN ? m->bindings[i].value : (TSNode){0};
  }
  return value;
}

/* True when `e` is an instance of a class the file defines: `Left()`, or a
 * local bound once to such a call (`myobj = Recorder()`), or a tuple holding
 * one. Comparing those exercises the test's own comparison methods (what
 * `__eq__` is called with, in what order), whose effect it checks next. */
static bool tst010_own_instance(const pr_ctx *ctx, TSNode e, int depth) {
  e = pr_unparenthesize(e);
  pr_kind k = pr_node_kind(e);
  if (k == pr_kind_identifier) {
    if (depth > 0 || tst010_file_class(ctx, e)) return depth == 0 && tst010_file_class(ctx, e);
    TSNode v = tst010_local_value(ctx, e);
    return !ts_node_is_null(v) && tst010_own_instance(ctx, v, depth + 1);
  }
  if (k == pr_kind_call) return tst010_file_class(ctx, pr_unparenthesize(pr_child(e, pr_field_function)));
  if (k == pr_kind_tuple && depth == 0) {
    uint32_t n = ts_node_named_child_count(e);
    for (uint32_t i = 0; i < n; i++)
      if (tst010_own_instance(ctx, ts_node_named_child(e, i), depth + 1)) return true;
  }
  return false;
}

static void tst010_check(pr_ctx *ctx, TSNode stmt) {
  const pr_model *m = ctx->model;
  if (ts_node_named_child_count(stmt) != 1) return;
  TSNode e = ts_node_named_child(stmt, 0);
  if (pr_node_kind(pr_unparenthesize(e)) != pr_kind_comparison_operator) return;
  /* in a test function itself: not a nested function, lambda or class */
  uint32_t s = ctx->scope;
  if (s == PR_NONE || m->scopes[s].kind != PR_SCOPE_FUNCTION || !m->scopes[s].is_test_function) return;
  if (pr_expects_exception(ctx, stmt, ctx->parent)) return;
  TSNode cmp = pr_unparenthesize(e);
  uint32_t operands = ts_node_named_child_count(cmp);
  for (uint32_t i = 0; i < operands; i++)
    if (tst010_own_instance(ctx, ts_node_named_child(cmp, i), 0)) return;
  pr_finding *f = pr_report(ctx, stmt, "This comparison's result is thrown away, so the test checks nothing: "
                                       "assert it");
  pr_finding_set_fix(ctx, f, "Wrap in `assert`");
  pr_finding_add_edit(ctx, f, ts_node_start_byte(stmt), ts_node_start_byte(stmt), "assert ", 7);
}

const pr_rule pr_rule_tst010 = {
  .code = "TST010",
  .name = "comparison-not-asserted",
  .category = "Tests",
  .severity = PR_SEV_WARNING,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_TESTS_ONLY,
  .summary = "A comparison statement in a test whose result is thrown away",
  .doc = pr_doc_tst010,
  .kinds = {pr_kind_expression_statement},
  .on_node = tst010_check,
};
