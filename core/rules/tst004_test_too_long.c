/* TST004 test-too-long: a test function with more than 40 statements.
 *
 * ## What it does
 * Flags a test function with more than 40 statements (configurable
 * `max-test-statements`), counted as the catalog counts them: every statement
 * counts 1 plus the statements nested in it; `elif`, `else`, `except`,
 * `finally` and `case` clauses are not statements themselves; a nested `def`
 * or `class` counts 1 without its body; the docstring, decorators and
 * comments do not count.
 *
 * ## Why is this bad?
 * A test that long usually checks several scenarios at once: when it fails,
 * its name does not say which behaviour broke, and every scenario after the
 * first failure goes unchecked.
 *
 * ## Example
 * ```python
 * def test_checkout(self):
 *     # 60 statements: empty cart, discount, tax, shipping, refund ...
 * ```
 *
 * ## Use instead
 * ```python
 * def test_checkout_empty_cart(self): ...
 * def test_checkout_applies_discount(self): ...
 * def test_refund_restores_stock(self): ...
 * ```
 */
#include "options.h"
#include "rule.h"
#include "rule_docs.h"
#include "statements.h"

static void tst004_check(pr_ctx *ctx, TSNode def) {
  const pr_model *m = ctx->model;
  uint32_t s = ctx->own_scope;
  if (s == PR_NONE || !m->scopes[s].is_test_function) return;
  TSNode name = pr_child(def, pr_field_name);
  if (ts_node_is_null(name)) return;
  uint32_t max = ctx->thresholds->max_test_statements;
  uint32_t count = pr_def_statement_count(ctx, def);
  if (count <= max) return;
  pr_report(ctx, name, "Test `%s` has %u statements (more than %u): it likely tests several scenarios; split it",
            m->scopes[s].name, count, max);
}

const pr_rule pr_rule_tst004 = {
  .code = "TST004",
  .name = "test-too-long",
  .category = "Tests",
  .severity = PR_SEV_INFORMATION,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_TESTS_ONLY,
  .summary = "A test function with more than 40 statements",
  .doc = pr_doc_tst004,
  .kinds = {pr_kind_function_definition},
  .on_node = tst004_check,
};
