/* statements.c - the catalog's statement count and docstrings; see statements.h. */
#include "statements.h"

#include "names.h"

/* True when a string's prefix (the letters before its quote) makes it an
 * f-string or a bytes literal. */
static bool pr_statements__f_or_b(const char *text, TSNode str) {
  uint32_t len;
  const char *t = pr_node_text(text, str, &len);
  for (uint32_t i = 0; i < len && t[i] != '"' && t[i] != '\''; i++)
    if (t[i] == 'f' || t[i] == 'F' || t[i] == 'b' || t[i] == 'B') return true;
  return false;
}

TSNode pr_docstring(const char *text, TSNode def) {
  TSNode body = pr_child(def, pr_field_body);
  if (pr_node_kind(body) != pr_kind_block) return (TSNode){0};
  uint32_t n = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; i++) {
    TSNode s = ts_node_named_child(body, i);
    pr_kind k = pr_node_kind(s);
    if (k == pr_kind_comment) continue;
    if (k != pr_kind_expression_statement || ts_node_named_child_count(s) != 1) return (TSNode){0};
    TSNode e = pr_unparenthesize(ts_node_named_child(s, 0));
    if (pr_node_kind(e) == pr_kind_string) return pr_statements__f_or_b(text, e) ? (TSNode){0} : s;
    if (pr_node_kind(e) != pr_kind_concatenated_string) return (TSNode){0};
    uint32_t parts = ts_node_named_child_count(e);
    for (uint32_t j = 0; j < parts; j++) {
      TSNode part = ts_node_named_child(e, j);
      if (pr_node_kind(part) == pr_kind_string && pr_statements__f_or_b(text, part)) return (TSNode){0};
    }
    return s;
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
uint32_t pr_statement_count(const char *text, TSNode def) {
  TSNode body = pr_child(def, pr_field_body);
  if (pr_node_kind(body) != pr_kind_block) return 0;
  TSNode doc = pr_docstring(text, def);
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

