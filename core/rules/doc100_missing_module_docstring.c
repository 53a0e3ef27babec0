/* DOC100 missing-module-docstring: a module without a docstring.
 *
 * ## What it does
 * Flags a module that has at least one statement and whose first statement
 * is not a string literal (a string after `from __future__` imports is not a
 * docstring). Not flagged: modules with only comments and blank lines, an
 * `__init__.py` holding only imports and `__all__`, test files, and the
 * generated files of a `migrations` folder (Django, Alembic).
 *
 * ## Why is this bad?
 * The module docstring is where a reader (and `help()`, and documentation
 * tools) learns what the module is for and where to start reading.
 *
 * ## Example
 * ```python
 * import csv
 *
 * def load(path):
 *     ...
 * ```
 *
 * ## Use instead
 * ```python
 * """Loading of the monthly sales exports (CSV)."""
 * import csv
 *
 * def load(path):
 *     ...
 * ```
 */
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

/* True when `stmt` is a string literal statement that Python keeps as `__doc__`. */
static bool doc100_is_docstring(const pr_ctx *ctx, TSNode stmt) {
  if (pr_node_kind(stmt) != pr_kind_expression_statement || ts_node_named_child_count(stmt) != 1) return false;
  TSNode e = ts_node_named_child(stmt, 0);
  while (pr_node_kind(e) == pr_kind_parenthesized_expression) e = ts_node_named_child(e, 0);
  if (pr_node_kind(e) == pr_kind_concatenated_string) e = ts_node_named_child(e, 0);
  if (pr_node_kind(e) != pr_kind_string) return false;
  uint32_t len;
  const char *t = pr_text(ctx, e, &len);
  for (uint32_t i = 0; i < len && t[i] != '"' && t[i] != '\''; i++)
    if (t[i] == 'f' || t[i] == 'F' || t[i] == 'b' || t[i] == 'B') return false;
  return true;
}

static bool doc100_is_init(const pr_ctx *ctx) {
  const char *p = ctx->path ? ctx->path : "";
  size_t n = strlen(p);
  return n >= 11 && !strcmp(p + n - 11, "__init__.py") && (n == 11 || p[n - 12] == '/' || p[n - 12] == '\\');
}

/* An import, or an assignment (plain or augmented) to `__all__`. */
static bool doc100_import_or_all(const pr_ctx *ctx, TSNode stmt) {
  pr_kind k = pr_node_kind(stmt);
  if (k == pr_kind_import_statement || k == pr_kind_import_from_statement || k == pr_kind_future_import_statement)
    return true;
  if (k != pr_kind_expression_statement || ts_node_named_child_count(stmt) != 1) return false;
  TSNode a = ts_node_named_child(stmt, 0);
  pr_kind ak = pr_node_kind(a);
  if (ak != pr_kind_assignment && ak != pr_kind_augmented_assignment) return false;
  return pr_text_is(ctx, pr_child(a, pr_field_left), "__all__");
}

/* A generated Django/Alembic migration: a file in a `migrations` folder. */
static bool doc100_is_migration(const pr_ctx *ctx) {
  const char *p = ctx->path ? ctx->path : "";
  for (const char *c = strstr(p, "migrations"); c; c = strstr(c + 1, "migrations"))
    if ((c == p || c[-1] == '/' || c[-1] == '\\') && (c[10] == '/' || c[10] == '\\')) return true;
  return false;
}

/* Decided in on_facts (it records none): a finding at byte 0 may lie at the
 * start of the first function, and what on_facts reports is recomputed on
 * every review instead of being kept with that function (rule.h). */
static void doc100_check(pr_ctx *ctx, const pr_fact *facts, uint32_t count) {
  (void)facts;
  (void)count;
  if (ctx->test_file || doc100_is_migration(ctx)) return;
  TSNode first = {0};
  bool only_imports = true;
  const TSNode *kids;
  uint32_t n = pr_block_children(ctx, ctx->root, &kids);
  for (uint32_t i = 0; i < n && n != PR_NONE; i++) {
    TSNode s = kids[i];
    if (pr_node_kind(s) == pr_kind_comment) continue;
    if (ts_node_is_null(first)) first = s;
    if (!doc100_import_or_all(ctx, s)) only_imports = false;
  }
  if (ts_node_is_null(first) || pr_node_kind(first) == pr_kind_ERROR) return;
  if (doc100_is_docstring(ctx, first)) return;
  if (only_imports && doc100_is_init(ctx)) return;
  pr_report_range(ctx, first, 0, 0, "This module has no docstring: say in one line what it is for, at its top");
}

const pr_rule pr_rule_doc100 = {
  .code = "DOC100",
  .name = "missing-module-docstring",
  .category = "Documentation",
  .severity = PR_SEV_HINT,
  .cwe = 0,
  .tags = 0,
  .flags = 0,
  .summary = "A module without a docstring",
  .doc = pr_doc_doc100,
  .on_facts = doc100_check,
};
