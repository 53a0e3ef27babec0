/* SEC003 code-injection: eval, exec or compile of a non-literal string.
 *
 * ## What it does
 * Flags calls of the builtins `eval`, `exec` and `compile` whose first
 * argument (the source; `source=` for `compile`) is not a literal value, and
 * Python 2 `exec` statements whose code is not a literal. Literal values are
 * string literals, expressions built only from them and names bound once to
 * one (catalog: Literal values). A file's own `eval`, `exec` or `compile`
 * (a `def`, class, assignment or import of that name) shadows the builtin and
 * is not flagged; `ast.literal_eval`, `re.compile` and other methods are not
 * the builtins.
 *
 * ## Why is this bad?
 * Evaluating text that comes from outside the program runs whatever code the
 * text contains, with the program's privileges (CWE-95). Quoting or filtering
 * the text does not make it safe: Python has too many ways to reach
 * `__import__`, `os.system` or file access from an expression.
 *
 * ## Example
 * ```python
 * def apply(expression, row):
 *     return eval(expression, {"row": row})
 * ```
 *
 * ## Use instead
 * Parse data with a parser that only builds values, or map names to code
 * through a fixed table:
 * ```python
 * import ast
 *
 * OPERATIONS = {"sum": sum, "max": max}
 *
 * def apply(operation, values):
 *     return OPERATIONS[operation](values)
 *
 * def parse(text):
 *     return ast.literal_eval(text)
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

/* The builtin a callee resolves to ("eval", "exec", "compile"), or NULL. */
static const char *sec003_builtin(const pr_ctx *ctx, TSNode call) {
  static const char *const builtins[] = {"eval", "exec", "compile", NULL};
  static const char *const modules[] = {"builtins.", "__builtin__.", "__builtins__.", NULL};
  char q[64];
  if (!pr_call_qualified_name(ctx, call, q, sizeof q)) return NULL;
  const char *name = q;
  for (int i = 0; modules[i]; i++) {
    size_t n = strlen(modules[i]);
    if (!strncmp(q, modules[i], n)) { name = q + n; break; }
  }
  for (int i = 0; builtins[i]; i++) {
    if (!strcmp(name, builtins[i])) return builtins[i];
  }
  return NULL;
}

static void sec003_check(pr_ctx *ctx, TSNode node) {
  if (pr_node_kind(node) == pr_kind_exec_statement) {
    TSNode code = pr_child(node, pr_field_code);
    if (ts_node_is_null(code) || pr_is_literal(ctx, code, ctx->scope)) return;
    pr_report(ctx, node,
              "`exec` statement runs code built from non-literal values: parse the data instead "
              "(`ast.literal_eval`, `json.loads`) or dispatch through a fixed table of functions");
    return;
  }
  const char *builtin = sec003_builtin(ctx, node);
  if (!builtin) return;
  TSNode source = pr_call_argument(ctx, node, 0, !strcmp(builtin, "compile") ? "source" : NULL);
  if (ts_node_is_null(source) || pr_is_literal(ctx, source, ctx->scope)) return;
  if (!strcmp(builtin, "compile"))
    pr_report(ctx, node,
              "`compile` builds code from non-literal source: do not compile text from outside the "
              "program; parse data with `ast.literal_eval` or `json.loads` instead");
  else
    pr_report(ctx, node,
              "`%s` runs code built from non-literal values: parse the data instead "
              "(`ast.literal_eval`, `json.loads`) or dispatch through a fixed table of functions",
              builtin);
}

const pr_rule pr_rule_sec003 = {
  .code = "SEC003",
  .name = "code-injection",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 95,
  .tags = 0,
  .flags = 0,
  .summary = "eval, exec or compile of a non-literal string",
  .doc = pr_doc_sec003,
  .kinds = {pr_kind_call, pr_kind_exec_statement},
  .on_node = sec003_check,
};
