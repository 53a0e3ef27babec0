/* CPX004 deep-nesting: statements nested more than 4 blocks deep in a function.
 *
 * ## What it does
 * Measures block depth: the statements directly in a function's body are at
 * depth 0; `if`, `for`, `while`, `try`, `with` and `match` (and their
 * `async` forms) hold statements one level deeper than themselves, their
 * `elif`, `else`, `except`, `finally` and `case` clauses at that same level.
 * A nested `def`, `class` or `lambda` starts a count of its own. Flags each
 * compound statement at depth 4 (configurable `max-nesting`), whose body is
 * deeper than the limit; the deeper blocks inside it are not reported again.
 *
 * ## Why is this bad?
 * Every level is one more condition a reader must keep in mind to know when
 * a line runs. Deeply nested code hides its main path and is hard to test.
 *
 * ## Example
 * ```python
 * def sync(accounts):
 *     for account in accounts:
 *         if account.active:
 *             for item in account.items:
 *                 if item.changed:
 *                     try:
 *                         push(item)
 *                     except Conflict:
 *                         merge(item)
 * ```
 *
 * ## Use instead
 * Return early, and move the inner loop into a function:
 * ```python
 * def sync(accounts):
 *     for account in accounts:
 *         if account.active:
 *             push_changes(account.items)
 * ```
 */
#include "nesting.h"
#include "options.h"
#include "rule.h"
#include "rule_docs.h"

static void cpx004_check(pr_ctx *ctx, TSNode node) {
  pr_nesting *nesting = pr_rule_state(ctx, sizeof *nesting);
  if (!nesting) return;
  int32_t depth = pr_nesting_enter(ctx, nesting, node);
  uint32_t limit = ctx->thresholds->max_nesting;
  if (depth < 0 || (uint32_t)depth != limit || ts_node_has_error(node)) return;
  /* the keyword: `if`, `for`, ... (`async for` whole) */
  TSNode kw = ts_node_child(node, 0);
  if (ts_node_is_null(kw)) return;
  uint32_t end = ts_node_end_byte(kw);
  uint32_t len;
  const char *s = pr_text(ctx, kw, &len);
  if (len == 5 && !__builtin_memcmp(s, "async", 5)) {
    TSNode next = ts_node_child(node, 1);
    if (!ts_node_is_null(next)) end = ts_node_end_byte(next);
  }
  const char *word = ts_node_type(ts_node_child(node, len == 5 && !__builtin_memcmp(s, "async", 5) ? 1 : 0));
  pr_report_range(ctx, node, ts_node_start_byte(kw), end,
                  "This `%s` is nested %u blocks deep and holds statements deeper still (limit %u): return early, "
                  "or move the inner part into a function",
                  word, (unsigned)depth, limit);
}

const pr_rule pr_rule_cpx004 = {
  .code = "CPX004",
  .name = "deep-nesting",
  .category = "Complexity",
  .severity = PR_SEV_INFORMATION,
  .cwe = 0,
  .tags = 0,
  .flags = 0,
  .summary = "Statements nested more than 4 blocks deep in a function",
  .doc = pr_doc_cpx004,
  .kinds = {pr_kind_if_statement, pr_kind_for_statement, pr_kind_while_statement, pr_kind_try_statement,
            pr_kind_with_statement, pr_kind_match_statement, pr_kind_function_definition,
            pr_kind_class_definition, pr_kind_lambda},
  .on_node = cpx004_check,
};
