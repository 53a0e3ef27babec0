/* ERR003 raise-without-cause: a new exception raised in a handler without `from`.
 *
 * ## What it does
 * Flags `raise X(...)` or `raise X` (where `X` is a class: its last name part
 * starts with an uppercase letter) inside an `except` handler, nested blocks
 * included but not nested functions, without `from err` or `from None`.
 * Re-raising the handler's own bound name (`except E as Err: raise Err`) and
 * a bare `raise` are fine. Off in Python 2 files, which have no `from`.
 *
 * ## Why is this bad?
 * Without an explicit cause the traceback says "During handling of the above
 * exception, another exception occurred", which reads as a bug in the
 * handler. `raise ... from err` states that the new exception is the
 * translation of the caught one; `from None` states that the original is an
 * implementation detail and hides it.
 *
 * ## Example
 * ```python
 * try:
 *     port = int(value)
 * except ValueError:
 *     raise ConfigError(f"bad port: {value!r}")
 * ```
 *
 * ## Use instead
 * ```python
 * try:
 *     port = int(value)
 * except ValueError as err:
 *     raise ConfigError(f"bad port: {value!r}") from err
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

/* The handler's bound name (`err` in `except E as err:`), or a null node. */
static TSNode err003_bound_name(TSNode handler) {
  uint32_t n = ts_node_named_child_count(handler);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(handler, i);
    if (pr_node_kind(c) != pr_kind_as_pattern) continue;
    TSNode alias = pr_child(c, pr_field_alias);
    if (pr_node_kind(alias) == pr_kind_as_pattern_target && ts_node_named_child_count(alias) == 1)
      alias = ts_node_named_child(alias, 0);
    return pr_node_kind(alias) == pr_kind_identifier ? alias : (TSNode){0};
  }
  return (TSNode){0};
}

static void err003_raise(pr_ctx *ctx, TSNode raise, TSNode bound) {
  uint32_t n = ts_node_child_count(raise);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_child(raise, i);
    if (!ts_node_is_named(c) && !strcmp(ts_node_type(c), "from")) return;
  }
  if (ts_node_named_child_count(raise) == 0) return;  /* bare raise */
  TSNode expr = pr_unparenthesize(ts_node_named_child(raise, 0));
  bool call = pr_node_kind(expr) == pr_kind_call;
  TSNode cls = call ? pr_unparenthesize(pr_child(expr, pr_field_function)) : expr;
  pr_kind k = pr_node_kind(cls);
  if (k != pr_kind_identifier && k != pr_kind_attribute) return;
  TSNode last = pr_last_name_part(cls);
  if (ts_node_is_null(last)) return;
  uint32_t len;
  const char *t = pr_text(ctx, last, &len);
  if (!len || !(t[0] >= 'A' && t[0] <= 'Z')) return;
  if (!call && k == pr_kind_identifier && !ts_node_is_null(bound)) {
    uint32_t blen;
    const char *b = pr_text(ctx, bound, &blen);
    if (blen == len && !memcmp(b, t, len)) return;  /* re-raising the caught exception */
  }
  pr_report(ctx, raise,
            "`raise` in an `except` handler without a cause; add `from err` to chain the caught exception, or "
            "`from None` to hide it");
}

/* Visits the raise statements of a handler's body, not entering nested
 * functions, classes or handlers (those are checked on their own). */
static void err003_scan(pr_ctx *ctx, TSNode node, TSNode bound) {
  TSTreeCursor cur = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cur)) {
    do {
      TSNode c = ts_tree_cursor_current_node(&cur);
      if (!ts_node_is_named(c)) continue;
      switch (pr_node_kind(c)) {
      case pr_kind_raise_statement:
        err003_raise(ctx, c, bound);
        break;
      case pr_kind_if_statement: case pr_kind_for_statement: case pr_kind_while_statement:
      case pr_kind_with_statement: case pr_kind_try_statement: case pr_kind_match_statement:
      case pr_kind_block: case pr_kind_elif_clause: case pr_kind_else_clause: case pr_kind_finally_clause:
      case pr_kind_case_clause: case pr_kind_ERROR:
        err003_scan(ctx, c, bound);
        break;
      default:
        break;  /* expressions, definitions, and nested handlers */
      }
    } while (ts_tree_cursor_goto_next_sibling(&cur));
  }
  ts_tree_cursor_delete(&cur);
}

static void err003_check(pr_ctx *ctx, TSNode handler) {
  TSNode bound = err003_bound_name(handler);
  uint32_t n = ts_node_named_child_count(handler);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(handler, i);
    if (pr_node_kind(c) == pr_kind_block) err003_scan(ctx, c, bound);
  }
}

const pr_rule pr_rule_err003 = {
  .code = "ERR003",
  .name = "raise-without-cause",
  .category = "Exceptions",
  .severity = PR_SEV_INFORMATION,
  .flags = PR_RULE_NO_PY2,
  .summary = "A new exception raised in an `except` handler without `from`",
  .doc = pr_doc_err003,
  .kinds = {pr_kind_except_clause, pr_kind_except_group_clause},
  .on_node = err003_check,
};
