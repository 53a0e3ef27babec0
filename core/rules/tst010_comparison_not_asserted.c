/* TST010 comparison-not-asserted: a comparison whose result a test throws away.
 *
 * ## What it does
 * Flags an expression statement that is a comparison (`a == b`, any operator,
 * chained ones included) in a test function. The fix wraps it in `assert`.
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

static void tst010_check(pr_ctx *ctx, TSNode stmt) {
  const pr_model *m = ctx->model;
  if (ts_node_named_child_count(stmt) != 1) return;
  TSNode e = ts_node_named_child(stmt, 0);
  if (pr_node_kind(pr_unparenthesize(e)) != pr_kind_comparison_operator) return;
  /* in a test function itself: not a nested function, lambda or class */
  uint32_t s = ctx->scope;
  if (s == PR_NONE || m->scopes[s].kind != PR_SCOPE_FUNCTION || !m->scopes[s].is_test_function) return;
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
