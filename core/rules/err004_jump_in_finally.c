/* ERR004 jump-in-finally: return, break or continue directly in a finally block.
 *
 * ## What it does
 * Flags a `return`, `break` or `continue` statement directly in a `finally`
 * block: in the block itself or in an `if`, `with` or `try` nested in it, but
 * not inside a loop or a function (or class) nested in it, where the jump has
 * a target of its own.
 *
 * ## Why is this bad?
 * Leaving a `finally` block with a jump silently discards the exception in
 * flight (CWE-584): the `try` body fails, the error is lost, and the caller
 * sees a normal return (or the loop simply carries on). It also overrides a
 * `return` of the `try` body with another value. Python 3.14 warns about it
 * (PEP 765).
 *
 * ## Example
 * ```python
 * def save(record):
 *     try:
 *         db.write(record)
 *     finally:
 *         db.close()
 *         return True
 * ```
 *
 * ## Use instead
 * Keep only cleanup in `finally` and return after the statement:
 * ```python
 * def save(record):
 *     try:
 *         db.write(record)
 *     finally:
 *         db.close()
 *     return True
 * ```
 */
#include "rule.h"
#include "rule_docs.h"

/* Reports every jump under `node` that leaves the finally block, not entering
 * loops, definitions or nested finally blocks (those report their own). */
static void err004_scan(pr_ctx *ctx, TSNode node) {
  TSTreeCursor cur = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cur)) {
    do {
      TSNode c = ts_tree_cursor_current_node(&cur);
      if (!ts_node_is_named(c)) continue;
      switch (pr_node_kind(c)) {
      case pr_kind_return_statement:
        pr_report(ctx, c, "`return` in a `finally` block discards any exception in flight; return after the "
                          "`try` statement instead");
        break;
      case pr_kind_break_statement:
        pr_report(ctx, c, "`break` in a `finally` block discards any exception in flight; move it after the "
                          "`try` statement");
        break;
      case pr_kind_continue_statement:
        pr_report(ctx, c, "`continue` in a `finally` block discards any exception in flight; move it after the "
                          "`try` statement");
        break;
      case pr_kind_for_statement: case pr_kind_while_statement: case pr_kind_function_definition:
      case pr_kind_class_definition: case pr_kind_decorated_definition: case pr_kind_lambda:
      case pr_kind_finally_clause:
        break;
      case pr_kind_if_statement: case pr_kind_with_statement: case pr_kind_try_statement:
      case pr_kind_match_statement: case pr_kind_block: case pr_kind_elif_clause: case pr_kind_else_clause:
      case pr_kind_except_clause: case pr_kind_except_group_clause: case pr_kind_case_clause:
      case pr_kind_ERROR:
        err004_scan(ctx, c);
        break;
      default:
        break;
      }
    } while (ts_tree_cursor_goto_next_sibling(&cur));
  }
  ts_tree_cursor_delete(&cur);
}

static void err004_check(pr_ctx *ctx, TSNode finally_clause) {
  err004_scan(ctx, finally_clause);
}

const pr_rule pr_rule_err004 = {
  .code = "ERR004",
  .name = "jump-in-finally",
  .category = "Exceptions",
  .severity = PR_SEV_WARNING,
  .cwe = 584,
  .summary = "`return`, `break` or `continue` in a `finally` block",
  .doc = pr_doc_err004,
  .kinds = {pr_kind_finally_clause},
  .on_node = err004_check,
};
