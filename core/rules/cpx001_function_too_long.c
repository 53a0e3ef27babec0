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
#include "rule.h"
#include "rule_docs.h"

/* The catalog's default `max-statements`. */
#define CPX001_MAX_STATEMENTS 50

/* The docstring statement of a function (its first statement when that is a
 * string literal expression), or a null node.
 * Shared with DOC102 (a copy there); see the statement count below. */
static TSNode cpx001_docstring(TSNode def) {
  TSNode body = pr_child(def, pr_field_body);
  if (pr_node_kind(body) != pr_kind_block) return (TSNode){0};
  uint32_t n = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; i++) {
    TSNode s = ts_node_named_child(body, i);
    pr_kind k = pr_node_kind(s);
    if (k == pr_kind_comment) continue;
    if (k != pr_kind_expression_statement || ts_node_named_child_count(s) != 1) return (TSNode){0};
    pr_kind e = pr_node_kind(pr_unparenthesize(ts_node_named_child(s, 0)));
    return e == pr_kind_string || e == pr_kind_concatenated_string ? s : (TSNode){0};
  }
  return (TSNode){0};
}

/* True for compound statements whose clauses and blocks hold counted statements. */
static bool cpx001_is_compound(pr_kind k) {
  return k == pr_kind_if_statement || k == pr_kind_for_statement || k == pr_kind_while_statement ||
         k == pr_kind_try_statement || k == pr_kind_with_statement || k == pr_kind_match_statement;
}

/* True for the parts of a compound statement that hold statements but are not statements. */
static bool cpx001_is_clause(pr_kind k) {
  return k == pr_kind_block || k == pr_kind_elif_clause || k == pr_kind_else_clause ||
         k == pr_kind_except_clause || k == pr_kind_except_group_clause || k == pr_kind_finally_clause ||
         k == pr_kind_case_clause;
}

/* The catalog's "Statement count" of a function_definition: every statement
 * of its body counts 1 plus the statements nested in it; clauses are not
 * statements; a nested def or class counts 1 without its body; the docstring
 * does not count. Statements inside ERROR nodes are not counted.
 * Walks with a cursor (no recursion), never entering nested definitions, so
 * counting every function of a file is linear in its size.
 * Shared with DOC102 (and TST004): the same function is copied there. */
static uint32_t cpx001_statement_count(TSNode def) {
  TSNode body = pr_child(def, pr_field_body);
  if (pr_node_kind(body) != pr_kind_block) return 0;
  TSNode doc = cpx001_docstring(def);
  uint32_t count = 0, depth = 0;
  TSTreeCursor c = ts_tree_cursor_new(body);
  if (!ts_tree_cursor_goto_first_child(&c)) { ts_tree_cursor_delete(&c); return 0; }
  depth = 1;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    pr_kind k = ts_node_is_named(n) ? pr_node_kind(n) : pr_kind_other;
    bool descend = false;
    if (pr_kind_is_statement(k)) {
      if (ts_node_is_null(doc) || !ts_node_eq(n, doc)) count++;
      descend = cpx001_is_compound(k);
    } else {
      descend = cpx001_is_clause(k);
    }
    if (descend && ts_tree_cursor_goto_first_child(&c)) { depth++; continue; }
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c) || --depth == 0) goto done;
    }
  }
done:
  ts_tree_cursor_delete(&c);
  return count;
}

static void cpx001_check(pr_ctx *ctx, TSNode def) {
  TSNode name = pr_child(def, pr_field_name);
  if (ts_node_is_null(name)) return;
  uint32_t count = cpx001_statement_count(def);
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
