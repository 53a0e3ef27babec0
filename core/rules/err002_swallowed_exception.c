/* ERR002 swallowed-exception: a broad handler that only passes, logs or prints.
 *
 * ## What it does
 * Flags an `except:`, `except Exception:` or `except BaseException:` handler
 * (the broad type alone or in a tuple) whose body holds nothing but `pass`,
 * `...`, `continue`, logging calls (catalog: Definitions), `print(...)` or
 * Python 2 `print` statements. Anything else (a `raise`, a `return`,
 * `self.fail(...)`, a cleanup call) means the exception is handled.
 *
 * Not flagged either:
 * - a handler that logs the traceback: a logging call named `exception`
 *   (`log.exception("sync failed")`), or one with a truthy `exc_info=`
 *   (any value but `False`, `None` or zero);
 * - a handler whose body holds a comment, from the header's colon to the end
 *   of the body's last line: a documented decision
 *   (`except Exception:  # best effort, the VM may be gone` / `pass`). A
 *   comment that is only tool pragmas (`pragma: no cover`, `noqa`, `nosec`,
 *   `type: ignore`, `pylint: disable=...`, and the like) is no explanation;
 * - handlers in a `__del__` method (the innermost enclosing function):
 *   Python ignores exceptions raised there anyway.
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
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>
#include <strings.h>

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

/* True for a logging call that logs the traceback: named `exception`, or
 * with `exc_info=` set to anything but a falsy constant. */
static bool err002_logs_traceback(const pr_ctx *ctx, TSNode call) {
  TSNode name = pr_callee_name(call);
  if (!ts_node_is_null(name) && pr_text_is(ctx, name, "exception")) return true;
  TSNode info = pr_call_keyword(ctx, call, "exc_info");
  return !ts_node_is_null(info) && pr_constant_truth(ctx, info) != 0;
}

/* What a statement that does not handle the exception does, or NULL when it
 * handles it: "log", "print", "pass", "continue", or "trace" for a logging
 * call that logs the traceback. */
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
    if (pr_node_kind(e) == pr_kind_await) {
      if (ts_node_named_child_count(e) != 1) return NULL;
      e = pr_unparenthesize(ts_node_named_child(e, 0));
      if (pr_node_kind(e) != pr_kind_call || !pr_is_logging_call(ctx, e)) return NULL;
    }
    if (pr_node_kind(e) != pr_kind_call) return NULL;
    if (pr_is_logging_call(ctx, e)) return err002_logs_traceback(ctx, e) ? "trace" : "log";
    TSNode fn = pr_child(e, pr_field_function);
    if (pr_node_kind(fn) == pr_kind_identifier && pr_text_is(ctx, fn, "print")) return "print";
    return NULL;
  }
  default:
    return NULL;
  }
}

/* True for a `#` part that only lists rule codes in brackets (`[ERR002]`,
 * `[SEC001, ERR002]`): a marker for tools, not an explanation. */
static bool err002_code_list(const char *c, uint32_t len) {
  if (len < 2 || c[0] != '[' || c[len - 1] != ']') return false;
  for (uint32_t i = 1; i + 1 < len; i++) {
    char ch = c[i];
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == ',' || ch == ' ')) return false;
  }
  return true;
}

/* True when the comment text c[0..len) (from its `#`) says something: some
 * `#` part of it is not empty, not a tool pragma and not a list of codes. */
static bool err002_explains(const char *c, uint32_t len) {
  static const char *const pragmas[] = {"pragma", "noqa", "nosec", "type:", "type :", "pylint:", "pylint :",
                                        "pyright:", "mypy:", "fmt:", "isort:", "flake8:", "pyreview:",
                                        "ruff:", "nolint", "lgtm", "coverage:", NULL};
  uint32_t i = 0;
  while (i < len) {
    while (i < len && c[i] == '#') i++;
    while (i < len && (c[i] == ' ' || c[i] == '\t')) i++;
    uint32_t end = i;
    while (end < len && c[end] != '#') end++;
    uint32_t last = end;
    while (last > i && (c[last - 1] == ' ' || c[last - 1] == '\t' || c[last - 1] == '\r')) last--;
    if (last > i) {
      bool pragma = false;
      for (int k = 0; pragmas[k] && !pragma; k++) {
        size_t n = strlen(pragmas[k]);
        pragma = last - i >= n && !strncasecmp(c + i, pragmas[k], n);
      }
      if (!pragma && !err002_code_list(c + i, last - i)) return true;
    }
    i = end;
  }
  return false;
}

/* True when a comment that explains lies in the handler: between the header's
 * colon (byte `from`) and the end of the body's last line. */
static bool err002_commented(const pr_ctx *ctx, uint32_t from, TSNode body) {
  uint32_t to = ts_node_end_byte(body);
  while (to < ctx->len && ctx->text[to] != '\n' && ctx->text[to] != '\r') to++;
  uint32_t body_start = ts_node_start_byte(body), body_end = ts_node_end_byte(body);
  /* before the body and after its end only blanks and comments can stand */
  for (int side = 0; side < 2; side++) {
    uint32_t a = side ? body_end : from, b = side ? to : body_start;
    for (uint32_t i = a; i < b; i++) {
      if (ctx->text[i] != '#') continue;
      uint32_t e = i;
      while (e < b && ctx->text[e] != '\n' && ctx->text[e] != '\r') e++;
      if (err002_explains(ctx->text + i, e - i)) return true;
      i = e;
    }
  }
  /* inside the body: the comment nodes */
  TSTreeCursor cur = ts_tree_cursor_new(body);
  bool found = false;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    if (pr_node_kind(n) == pr_kind_comment) {
      uint32_t len;
      const char *t = pr_text(ctx, n, &len);
      if (err002_explains(t, len)) { found = true; break; }
    }
    if (ts_tree_cursor_goto_first_child(&cur)) continue;
    bool moved = false;
    while (!moved) {
      if (ts_tree_cursor_goto_next_sibling(&cur)) { moved = true; break; }
      if (!ts_tree_cursor_goto_parent(&cur)) break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cur);
  return found;
}

/* True when the innermost function around `scope` is named `__del__`. */
static bool err002_in_del(const pr_ctx *ctx, uint32_t scope) {
  uint32_t fn = pr_model_function_of(ctx->model, scope);
  return fn != PR_NONE && !strcmp(ctx->model->scopes[fn].name, "__del__");
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
    if (!what || !strcmp(what, "trace")) return;
    statements++;
    logs |= !strcmp(what, "log");
    prints |= !strcmp(what, "print");
  }
  if (!statements || err002_in_del(ctx, ctx->scope)) return;
  /* the header: from `except` to its colon */
  uint32_t end = ts_node_start_byte(body);
  uint32_t cn = ts_node_child_count(handler);
  for (uint32_t i = 0; i < cn; i++) {
    TSNode c = ts_node_child(handler, i);
    if (!ts_node_is_named(c) && !strcmp(ts_node_type(c), ":")) { end = ts_node_end_byte(c); break; }
  }
  if (err002_commented(ctx, end, body)) return;
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
