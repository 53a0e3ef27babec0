/* ERR001 bare-except: an `except:` that does not re-raise.
 *
 * ## What it does
 * Flags an `except:` handler without an exception type whose body's last
 * statement is not a bare `raise`.
 *
 * ## Why is this bad?
 * A bare `except:` catches everything, `KeyboardInterrupt` and `SystemExit`
 * included (CWE-396): Ctrl-C stops working, `sys.exit()` is ignored, and
 * programming errors such as a `NameError` are handled as if they were the
 * failure the author expected. Cleaning up and then re-raising with a bare
 * `raise` is the one safe use, and is not flagged.
 *
 * ## Example
 * ```python
 * try:
 *     config = load_config(path)
 * except:
 *     config = DEFAULTS
 * ```
 *
 * ## Use instead
 * Name the exceptions you expect (`except Exception:` at the very least):
 * ```python
 * try:
 *     config = load_config(path)
 * except (OSError, ValueError):
 *     config = DEFAULTS
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

static void err001_check(pr_ctx *ctx, TSNode handler) {
  if (!ts_node_is_null(pr_child(handler, pr_field_value))) return;
  TSNode body = {0};
  uint32_t n = ts_node_named_child_count(handler);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(handler, i);
    pr_kind k = pr_node_kind(c);
    if (k == pr_kind_block) body = c;
    else if (k != pr_kind_comment) return;  /* a type, however it parsed */
  }
  if (ts_node_is_null(body)) return;
  /* the body's last statement: a bare `raise` re-raises whatever was caught */
  TSNode last = {0};
  n = ts_node_named_child_count(body);
  for (uint32_t i = n; i-- > 0;) {
    TSNode s = ts_node_named_child(body, i);
    if (pr_node_kind(s) != pr_kind_comment) { last = s; break; }
  }
  if (!ts_node_is_null(last) && pr_node_kind(last) == pr_kind_raise_statement &&
      ts_node_named_child_count(last) == 0)
    return;
  /* the header: from `except` to its colon */
  uint32_t end = ts_node_start_byte(body);
  uint32_t cn = ts_node_child_count(handler);
  for (uint32_t i = 0; i < cn; i++) {
    TSNode c = ts_node_child(handler, i);
    if (!ts_node_is_named(c) && !strcmp(ts_node_type(c), ":")) { end = ts_node_end_byte(c); break; }
  }
  pr_report_range(ctx, handler, ts_node_start_byte(handler), end,
                  "Bare `except:` also catches KeyboardInterrupt and SystemExit; catch the exceptions you "
                  "expect (at least `except Exception:`), or end the handler with a bare `raise`");
}

const pr_rule pr_rule_err001 = {
  .code = "ERR001",
  .name = "bare-except",
  .category = "Exceptions",
  .severity = PR_SEV_WARNING,
  .cwe = 396,
  .summary = "A bare `except:` that does not re-raise",
  .doc = pr_doc_err001,
  .kinds = {pr_kind_except_clause},
  .on_node = err001_check,
};
