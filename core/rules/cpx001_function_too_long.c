/* CPX001 function-too-long: a function with more than 50 statements.
 *
 * ## What it does
 * Counts the statements of each function (`def` and `async def`, methods
 * and nested functions included; lambdas are expressions and never count) and
 * flags one with more than 50. Every statement counts 1, each of several
 * `;`-separated statements too, and a compound statement counts 1 plus the
 * statements nested in it; `elif`, `else`, `except`, `finally` and `case`
 * clauses are not statements themselves. A nested `def` or `class` counts 1
 * and its body belongs to it, not to the enclosing function. The docstring,
 * decorators and comments do not count.
 *
 * ## Why is this bad?
 * A long function does several things at once: it is hard to name, to read
 * in one sitting, to test piece by piece and to change without breaking a
 * part that looked unrelated.
 *
 * ## Example
 * ```python
 * def import_orders(path):
 *     # 60 statements: open and parse the file, validate every row,
 *     # convert currencies, write to the database, send the e-mails ...
 *     ...
 * ```
 *
 * ## Use instead
 * Extract the steps into functions whose names say what they do:
 * ```python
 * def import_orders(path):
 *     rows = read_rows(path)
 *     orders = [to_order(row) for row in rows if is_valid(row)]
 *     save_orders(orders)
 *     notify_customers(orders)
 * ```
 */
#include "names.h"
#include "options.h"
#include "rule.h"
#include "statements.h"
#include "rule_docs.h"

/* `max-statements` (options.h). */
#define CPX001_MAX_STATEMENTS (ctx->thresholds->max_statements)


static void cpx001_check(pr_ctx *ctx, TSNode def) {
  TSNode name = pr_child(def, pr_field_name);
  if (ts_node_is_null(name)) return;
  uint32_t count = pr_def_statement_count(ctx, def);
  if (count <= CPX001_MAX_STATEMENTS) return;
  uint32_t len;
  const char *s = pr_text(ctx, name, &len);
  pr_report(ctx, name,
            "`%.*s` has %u statements (limit %u): split it into smaller functions that each do one thing",
            (int)len, s, count, (unsigned)CPX001_MAX_STATEMENTS);
}

const pr_rule pr_rule_cpx001 = {
  .code = "CPX001",
  .name = "function-too-long",
  .category = "Complexity",
  .severity = PR_SEV_INFORMATION,
  .cwe = 0,
  .tags = 0,
  .flags = 0,
  .summary = "A function with more than 50 statements",
  .doc = pr_doc_cpx001,
  .kinds = {pr_kind_function_definition},
  .on_node = cpx001_check,
};
