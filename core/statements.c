/* statements.c - the catalog's statement count and docstrings; see statements.h. */
#include "statements.h"

#include "names.h"

/* The docstring statement of a function (its first statement when that is a
 * string literal expression), or a null node.
 */
TSNode pr_docstring(TSNode def) {
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
static bool pr_statements__is_compound(pr_kind k) {
  return k == pr_kind_if_statement || k == pr_kind_for_statement || k == pr_kind_while_statement ||
         k == pr_kind_try_statement || k == pr_kind_with_statement || k == pr_kind_match_statement;
}

/* True for the parts of a compound statement that hold statements but are not statements. */
static bool pr_statements__is_clause(pr_kind k) {
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
 */
uint32_t pr_statement_count(TSNode def) {
  TSNode body = pr_child(def, pr_field_body);
  if (pr_node_kind(body) != pr_kind_block) return 0;
  TSNode doc = pr_docstring(def);
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
      descend = pr_statements__is_compound(k);
    } else {
      descend = pr_statements__is_clause(k);
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

