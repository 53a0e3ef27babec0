/* ERR002 swallowed-exception: a broad handler that only passes, logs or prints.
 *
 * ## What it does
 * Flags an `except:`, `except Exception:` or `except BaseException:` handler
 * (the broad type alone or in a tuple) whose body holds nothing but `pass`,
 * `...`, `continue`, logging calls, `print(...)` or Python 2 `print`
 * statements.
 *
 * ## Why is this bad?
 * Catching every exception and carrying on hides real failures (CWE-390):
 * the program continues in a state nobody checked, and the error that would
 * have explained a later crash is gone. A log line alone still swallows it.
 *
 * ## Example
 * ```python
 * try:
 *     sync_accounts()
 * except Exception:
 *     logger.warning("sync failed")
 * ```
 *
 * ## Use instead
 * Catch the exceptions you expect and handle them, or re-raise:
 * ```python
 * try:
 *     sync_accounts()
 * except ConnectionError:
 *     logger.warning("sync failed; will retry")
 *     schedule_retry()
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

/* The broad type caught by `expr` ("Exception", "BaseException"), or NULL. */
static const char *err002_broad_type(const pr_ctx *ctx, TSNode expr) {
  expr = pr_unparenthesize(expr);
  pr_kind k = pr_node_kind(expr);
  if (k == pr_kind_as_pattern) return err002_broad_type(ctx, ts_node_named_child(expr, 0));
  if (k == pr_kind_tuple) {
    uint32_t n = ts_node_named_child_count(expr);
    for (uint32_t i = 0; i < n; i++) {
      const char *t = err002_broad_type(ctx, ts_node_named_child(expr, i));
      if (t) return t;
    }
    return NULL;
  }
  if (pr_dotted_is(ctx, expr, "Exception") || pr_dotted_is(ctx, expr, "builtins.Exception")) return "Exception";
  if (pr_dotted_is(ctx, expr, "BaseException") || pr_dotted_is(ctx, expr, "builtins.BaseException"))
    return "BaseException";
  return NULL;
}

/* What a statement that does not handle the exception does, or NULL when it handles it. */
static const char *err002_inert(const pr_ctx *ctx, TSNode stmt) {
  switch (pr_node_kind(stmt)) {
  case pr_kind_pass_statement: return "pass";
  case pr_kind_continue_statement: return "continue";
  case pr_kind_print_statement: return "print";
  case pr_kind_expression_statement: {
    if (ts_node_named_child_count(stmt) != 1) return NULL;
    TSNode e = pr_unparenthesize(ts_node_named_child(stmt, 0));
    if (pr_node_kind(e) == pr_kind_ellipsis) return "pass";
    /* a bare `print`: the Python 2 statement printing an empty line (a no-op in Python 3) */
    if (pr_node_kind(e) == pr_kind_identifier && pr_text_is(ctx, e, "print")) return "print";
    /* `await logger.error(...)`: an async logger's call is still a logging call */
    if (pr_node_kind(e) == pr_kind_await)
      return ts_node_named_child_count(e) == 1 &&
                     pr_is_logging_call(ctx, pr_unparenthesize(ts_node_named_child(e, 0)))
               ? "log"
               : NULL;
    if (pr_node_kind(e) != pr_kind_call) return NULL;
    if (pr_is_logging_call(ctx, e)) return "log";
    TSNode fn = pr_child(e, pr_field_function);
    if (pr_node_kind(fn) == pr_kind_identifier && pr_text_is(ctx, fn, "print")) return "print";
    return NULL;
  }
  default:
    return NULL;
  }
}

static void err002_check(pr_ctx *ctx, TSNode handler) {
  TSNode value = pr_child(handler, pr_field_value);
  if (pr_node_kind(handler) == pr_kind_except_group_clause) value = ts_node_named_child(handler, 0);
  const char *caught = ts_node_is_null(value) ? "every exception" : err002_broad_type(ctx, value);
  if (!caught) return;
  TSNode body = {0};
  uint32_t n = ts_node_named_child_count(handler);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(handler, i);
    if (pr_node_kind(c) == pr_kind_block) body = c;
  }
  if (ts_node_is_null(body)) return;
  bool logs = false, prints = false;
  uint32_t statements = 0;
  n = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; i++) {
    TSNode s = ts_node_named_child(body, i);
    if (pr_node_kind(s) == pr_kind_comment) continue;
    const char *what = err002_inert(ctx, s);
    if (!what) return;
    statements++;
    logs |= !strcmp(what, "log");
    prints |= !strcmp(what, "print");
  }
  if (!statements) return;
  /* the header: from `except` to its colon */
  uint32_t end = ts_node_start_byte(body);
  uint32_t cn = ts_node_child_count(handler);
  for (uint32_t i = 0; i < cn; i++) {
    TSNode c = ts_node_child(handler, i);
    if (!ts_node_is_named(c) && !strcmp(ts_node_type(c), ":")) { end = ts_node_end_byte(c); break; }
  }
  const char *does = logs ? "only logs it" : prints ? "only prints it" : "discards it";
  if (ts_node_is_null(value))
    pr_report_range(ctx, handler, ts_node_start_byte(handler), end,
                    "Bare `except:` catches every exception and %s; handle or re-raise it, or catch the "
                    "specific exceptions you expect", does);
  else
    pr_report_range(ctx, handler, ts_node_start_byte(handler), end,
                    "`except %s` %s; handle or re-raise it, or catch the specific exceptions you expect",
                    caught, does);
}

const pr_rule pr_rule_err002 = {
  .code = "ERR002",
  .name = "swallowed-exception",
  .category = "Exceptions",
  .severity = PR_SEV_WARNING,
  .cwe = 390,
  .summary = "A broad exception handler that only passes, logs or prints",
  .doc = pr_doc_err002,
  .kinds = {pr_kind_except_clause, pr_kind_except_group_clause},
  .on_node = err002_check,
};
