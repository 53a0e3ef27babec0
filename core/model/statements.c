/* statements.c - the catalog's statement count and docstrings; see statements.h. */
#include "statements.h"

#include "names.h"

#include <string.h>
#include <strings.h>

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
  /* the first statement, after any comments (in one pass: a body may open
     with thousands of comment lines) */
  pr_children it;
  TSNode s = {0};
  for (pr_children_start(&it, body); pr_children_next(&it, &s) && pr_node_kind(s) == pr_kind_comment;) s = (TSNode){0};
  pr_children_end(&it);
  if (!ts_node_is_null(s)) {
    if (pr_node_kind(s) != pr_kind_expression_statement || ts_node_named_child_count(s) != 1) return (TSNode){0};
    TSNode e = pr_unparenthesize(ts_node_named_child(s, 0));
    if (pr_node_kind(e) == pr_kind_string) return pr_statements__f_or_b(text, e) ? (TSNode){0} : s;
    if (pr_node_kind(e) != pr_kind_concatenated_string) return (TSNode){0};
    bool plain = true;
    TSNode part;
    for (pr_children_start(&it, e); plain && pr_children_next(&it, &part);)
      plain = pr_node_kind(part) != pr_kind_string || !pr_statements__f_or_b(text, part);
    pr_children_end(&it);
    return plain ? s : (TSNode){0};
  }
  return (TSNode){0};
}

bool pr_statement_is_compound(pr_kind k) {
  return k == pr_kind_if_statement || k == pr_kind_for_statement || k == pr_kind_while_statement ||
         k == pr_kind_try_statement || k == pr_kind_with_statement || k == pr_kind_match_statement;
}

bool pr_statement_count_descends(pr_kind k) {
  return pr_statement_is_compound(k) || k == pr_kind_block || k == pr_kind_elif_clause ||
         k == pr_kind_else_clause || k == pr_kind_except_clause || k == pr_kind_except_group_clause ||
         k == pr_kind_finally_clause || k == pr_kind_case_clause;
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
    if (pr_kind_is_statement(k) && (ts_node_is_null(doc) || !ts_node_eq(n, doc))) count++;
    if (pr_statement_count_descends(k) && ts_tree_cursor_goto_first_child(&c)) { depth++; continue; }
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c) || --depth == 0) goto done;
    }
  }
done:
  ts_tree_cursor_delete(&c);
  return count;
}

/* --- terminators --- */

static const char *const pr_statements__exits[] = {
  "sys.exit", "exit", "quit", "os._exit", "os.abort", "pytest.fail", "pytest.skip", "pytest.xfail", "pytest.exit",
  NULL,
};

/* The outermost function scope containing `scope` (the top-level function an
 * incremental review caches as one segment), or PR_NONE at module or class level. */
static uint32_t pr_statements__segment(const pr_model *m, uint32_t scope) {
  uint32_t seg = PR_NONE;
  for (uint32_t s = scope; s != PR_NONE; s = m->scopes[s].parent)
    if (m->scopes[s].kind == PR_SCOPE_FUNCTION || m->scopes[s].kind == PR_SCOPE_LAMBDA) seg = s;
  return seg;
}

/* True when `name` (an identifier callee read in `scope`) is a function of the
 * file annotated `-> NoReturn` or `-> Never`, defined in the caller's segment. */
static bool pr_statements__noreturn(const pr_ctx *ctx, TSNode name, uint32_t scope) {
  const pr_model *m = ctx->model;
  uint32_t len;
  const char *t = pr_text(ctx, name, &len);
  uint32_t b = pr_model_resolve(m, scope, t, len, ts_node_start_byte(name));
  if (b == PR_NONE || m->bindings[b].kind != PR_BIND_FUNCTION) return false;
  TSNode def = m->bindings[b].statement;
  if (pr_node_kind(def) == pr_kind_decorated_definition) def = pr_child(def, pr_field_definition);
  if (pr_node_kind(def) != pr_kind_function_definition) return false;
  uint32_t caller = pr_statements__segment(m, scope);
  if (caller != PR_NONE) {
    uint32_t own = pr_model_scope_of_node(m, def);
    if (own == PR_NONE || pr_statements__segment(m, own) != caller) return false;
  }
  TSNode ret = pr_child(def, pr_field_return_type);
  if (pr_node_kind(ret) == pr_kind_type && ts_node_named_child_count(ret) == 1) ret = ts_node_named_child(ret, 0);
  if (ts_node_is_null(ret)) return false;
  char q[64];
  uint32_t ql = pr_qualified_name(ctx, ret, scope, q, sizeof q);
  if (!ql) {
    /* a string annotation: -> "NoReturn" */
    const char *rt = pr_text(ctx, ret, &ql);
    if (ql < 2 || ql >= sizeof q) return false;
    memcpy(q, rt + 1, ql - 2);
    q[ql - 2] = 0;
  }
  const char *last = strrchr(q, '.');
  last = last ? last + 1 : q;
  return !strcmp(last, "NoReturn") || !strcmp(last, "Never");
}

/* True for an expression statement that only calls a function that never returns. */
static bool pr_statements__exit_call(const pr_ctx *ctx, TSNode stmt, uint32_t scope) {
  if (ts_node_named_child_count(stmt) != 1) return false;
  static const char *const exit_words[] = {"exit", "quit", "abort", "pytest", NULL};
  static const char *const noreturn_words[] = {"NoReturn", "Never", NULL};
  bool exits = pr_text_mentions(ctx, pr_review_gate(ctx, PR_GATE_EXIT), exit_words);
  bool noreturn = pr_text_mentions(ctx, pr_review_gate(ctx, PR_GATE_NORETURN), noreturn_words);
  if (!exits && !noreturn) {
    /* then only `self.fail` and `self.skipTest` can match, whose names the
       statement's own text holds: most statements are let go on a look at
       a few bytes, before any child lookup */
    static const char *const test_exits[] = {"fail", "skipTest", NULL};
    if (!pr_text_may_mention(ctx->text, ctx->len, ts_node_start_byte(stmt), ts_node_end_byte(stmt), test_exits))
      return false;
  }
  TSNode call = pr_unparenthesize(ts_node_named_child(stmt, 0));
  if (pr_node_kind(call) == pr_kind_await && ts_node_named_child_count(call) == 1)
    call = pr_unparenthesize(ts_node_named_child(call, 0));
  if (pr_node_kind(call) != pr_kind_call) return false;
  TSNode fn = pr_unparenthesize(pr_child(call, pr_field_function));
  if (pr_dotted_is(ctx, fn, "self.fail") || pr_dotted_is(ctx, fn, "self.skipTest")) return true;
  /* every statement of every block asks this: a file that never names an exit
     function (an alias is imported by its name too) or NoReturn skips the
     name resolution, which cannot then match */
  char q[64];
  if (exits && pr_qualified_name(ctx, fn, scope, q, sizeof q))
    for (int i = 0; pr_statements__exits[i]; i++)
      if (!strcmp(q, pr_statements__exits[i])) return true;
  return pr_node_kind(fn) == pr_kind_identifier && noreturn && pr_statements__noreturn(ctx, fn, scope);
}

/* True when `node` (a loop body) holds a `break` of its own loop. */
static bool pr_statements__has_break(TSNode node) {
  TSTreeCursor cur = ts_tree_cursor_new(node);
  bool found = false;
  if (ts_tree_cursor_goto_first_child(&cur)) {
    do {
      TSNode c = ts_tree_cursor_current_node(&cur);
      switch (pr_node_kind(c)) {
      case pr_kind_break_statement: found = true; break;
      case pr_kind_for_statement: case pr_kind_while_statement: case pr_kind_function_definition:
      case pr_kind_class_definition: case pr_kind_decorated_definition:
        break;
      case pr_kind_block: case pr_kind_if_statement: case pr_kind_elif_clause: case pr_kind_else_clause:
      case pr_kind_try_statement: case pr_kind_except_clause: case pr_kind_except_group_clause:
      case pr_kind_finally_clause: case pr_kind_with_statement: case pr_kind_match_statement:
      case pr_kind_case_clause: case pr_kind_ERROR:
        found = pr_statements__has_break(c);
        break;
      default:
        break;
      }
    } while (!found && ts_tree_cursor_goto_next_sibling(&cur));
  }
  ts_tree_cursor_delete(&cur);
  return found;
}

/* The block of a clause (elif/else/except/finally/case), or a null node. */
static TSNode pr_statements__clause_block(TSNode clause) {
  uint32_t n = ts_node_named_child_count(clause);
  for (uint32_t i = n; i-- > 0;) {
    TSNode c = ts_node_named_child(clause, i);
    if (pr_node_kind(c) == pr_kind_block) return c;
  }
  return (TSNode){0};
}

static bool pr_statements__terminates(const pr_ctx *ctx, TSNode stmt, uint32_t scope, int depth);

static bool pr_statements__contains(const pr_ctx *ctx, TSNode block, uint32_t scope, int depth) {
  if (pr_node_kind(block) != pr_kind_block) return false;
  const TSNode *kids;
  uint32_t n = pr_block_children(ctx, block, &kids);
  for (uint32_t i = 0; i < n && n != PR_NONE; i++)
    if (pr_statements__terminates(ctx, kids[i], scope, depth + 1)) return true;
  return false;
}

static bool pr_statements__terminates(const pr_ctx *ctx, TSNode stmt, uint32_t scope, int depth) {
  if (depth > 64) return false;
  switch (pr_node_kind(stmt)) {
  case pr_kind_return_statement: case pr_kind_raise_statement: case pr_kind_continue_statement:
  case pr_kind_break_statement:
    return true;
  case pr_kind_expression_statement:
    return pr_statements__exit_call(ctx, stmt, scope);
  case pr_kind_if_statement: {
    if (!pr_statements__contains(ctx, pr_child(stmt, pr_field_consequence), scope, depth)) return false;
    bool has_else = false;
    uint32_t n = ts_node_named_child_count(stmt);
    for (uint32_t i = 0; i < n; i++) {
      TSNode c = ts_node_named_child(stmt, i);
      pr_kind k = pr_node_kind(c);
      if (k != pr_kind_elif_clause && k != pr_kind_else_clause) continue;
      has_else |= k == pr_kind_else_clause;
      if (!pr_statements__contains(ctx, pr_statements__clause_block(c), scope, depth)) return false;
    }
    return has_else;
  }
  case pr_kind_try_statement: {
    bool body = pr_statements__contains(ctx, pr_child(stmt, pr_field_body), scope, depth), handlers = true;
    uint32_t n = ts_node_named_child_count(stmt);
    for (uint32_t i = 0; i < n; i++) {
      TSNode c = ts_node_named_child(stmt, i);
      pr_kind k = pr_node_kind(c);
      TSNode b = pr_statements__clause_block(c);
      if (k == pr_kind_finally_clause && pr_statements__contains(ctx, b, scope, depth)) return true;
      if (k == pr_kind_else_clause && !body) body = pr_statements__contains(ctx, b, scope, depth);
      if ((k == pr_kind_except_clause || k == pr_kind_except_group_clause) && handlers)
        handlers = pr_statements__contains(ctx, b, scope, depth);
    }
    return body && handlers;
  }
  case pr_kind_match_statement: {
    TSNode body = pr_child(stmt, pr_field_body);
    uint32_t n = ts_node_named_child_count(body);
    TSNode last = {0};
    for (uint32_t i = 0; i < n; i++) {
      TSNode c = ts_node_named_child(body, i);
      if (pr_node_kind(c) != pr_kind_case_clause) continue;
      if (!pr_statements__contains(ctx, pr_child(c, pr_field_consequence), scope, depth)) return false;
      last = c;
    }
    if (ts_node_is_null(last)) return false;
    /* irrefutable: `case _:`, without a guard */
    uint32_t patterns = 0;
    bool wildcard = false;
    n = ts_node_named_child_count(last);
    for (uint32_t i = 0; i < n; i++) {
      TSNode c = ts_node_named_child(last, i);
      if (pr_node_kind(c) == pr_kind_if_clause) return false;
      if (pr_node_kind(c) != pr_kind_case_pattern) continue;
      patterns++;
      wildcard = pr_text_is(ctx, c, "_");
    }
    return patterns == 1 && wildcard;
  }
  case pr_kind_while_statement: {
    if (pr_node_kind(pr_unparenthesize(pr_child(stmt, pr_field_condition))) != pr_kind_true) return false;
    return !pr_statements__has_break(pr_child(stmt, pr_field_body));
  }
  default:
    return false;
  }
}

bool pr_statement_terminates(const pr_ctx *ctx, TSNode stmt, uint32_t scope) {
  return pr_statements__terminates(ctx, stmt, scope, 0);
}

bool pr_block_contains_terminator(const pr_ctx *ctx, TSNode block, uint32_t scope) {
  return pr_statements__contains(ctx, block, scope, 0);
}

bool pr_block_ends_in_terminator(const pr_ctx *ctx, TSNode block, uint32_t scope) {
  if (pr_node_kind(block) != pr_kind_block) return false;
  uint32_t n = ts_node_named_child_count(block);
  for (uint32_t i = n; i-- > 0;) {
    TSNode s = ts_node_named_child(block, i);
    if (pr_node_kind(s) == pr_kind_comment) continue;
    return pr_statements__terminates(ctx, s, scope, 0);
  }
  return false;
}

/* True when `with_stmt` expects an exception or a warning: an item whose
 * callee's last name part contains `raise` or `warn` (`assertRaises`,
 * `pytest.raises`, `assertWarns`, `pytest.warns`, `check_warnings`,
 * `bytes_warning`, any case). */
static bool pr_statements__expects_raise(const pr_ctx *ctx, TSNode with_stmt) {
  TSNode clause = ts_node_named_child(with_stmt, 0);
  for (uint32_t i = 0; i < ts_node_named_child_count(with_stmt) && pr_node_kind(clause) != pr_kind_with_clause; i++)
    clause = ts_node_named_child(with_stmt, i);
  if (pr_node_kind(clause) != pr_kind_with_clause) return false;
  uint32_t n = ts_node_named_child_count(clause);
  for (uint32_t i = 0; i < n; i++) {
    TSNode item = ts_node_named_child(clause, i);
    if (pr_node_kind(item) != pr_kind_with_item) continue;
    TSNode v = pr_unparenthesize(pr_child(item, pr_field_value));
    if (pr_node_kind(v) == pr_kind_as_pattern) v = pr_unparenthesize(ts_node_named_child(v, 0));
    if (pr_node_kind(v) != pr_kind_call) continue;
    TSNode last = pr_last_name_part(pr_child(v, pr_field_function));
    if (ts_node_is_null(last)) continue;
    uint32_t len;
    const char *s = pr_text(ctx, last, &len);
    for (uint32_t j = 0; j + 4 <= len; j++)
      if ((j + 5 <= len && !strncasecmp(s + j, "raise", 5)) || !strncasecmp(s + j, "warn", 4)) return true;
  }
  return false;
}

/* True when the statement runs where an exception or a warning is expected:
 * inside a `with assertRaises(...)`-like block, or the body of a `try` with
 * handlers. There the comparison is evaluated for what it raises or warns. */
bool pr_expects_exception(const pr_ctx *ctx, TSNode node, TSNode parent) {
  TSNode child = node;
  for (TSNode n = parent; !ts_node_is_null(n); child = n, n = ts_node_parent(n)) {
    pr_kind k = pr_node_kind(n);
    if (k == pr_kind_function_definition || k == pr_kind_class_definition || k == pr_kind_module) return false;
    if (k == pr_kind_with_statement && pr_statements__expects_raise(ctx, n)) return true;
    if (k == pr_kind_try_statement && ts_node_eq(child, pr_child(n, pr_field_body))) {
      uint32_t c = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < c; i++) {
        pr_kind h = pr_node_kind(ts_node_named_child(n, i));
        if (h == pr_kind_except_clause || h == pr_kind_except_group_clause) return true;
      }
    }
  }
  return false;
}

bool pr_function_is_public(const pr_model *m, uint32_t scope) {
  if (scope == PR_NONE || scope >= m->scope_count || m->scopes[scope].kind != PR_SCOPE_FUNCTION) return false;
  const char *name = m->scopes[scope].name;
  size_t n = strlen(name);
  bool dunder = n > 4 && name[0] == '_' && name[1] == '_' && name[n - 1] == '_' && name[n - 2] == '_';
  if (name[0] == '_' && !dunder) return false;
  for (uint32_t s = m->scopes[scope].parent; s != PR_NONE && m->scopes[s].kind != PR_SCOPE_MODULE;
       s = m->scopes[s].parent) {
    if (m->scopes[s].kind != PR_SCOPE_CLASS || m->scopes[s].name[0] == '_') return false;
  }
  return true;
}

void pr_fix_delete_statement(pr_ctx *ctx, pr_finding *f, TSNode stmt) {
  const char *t = ctx->text;
  uint32_t s = ts_node_start_byte(stmt), e = ts_node_end_byte(stmt);
  TSNode parent = ts_node_parent(stmt);
  uint32_t siblings = 0, n = ts_node_named_child_count(parent);
  for (uint32_t i = 0; i < n && siblings < 2; i++)
    siblings += pr_node_kind(ts_node_named_child(parent, i)) != pr_kind_comment;
  uint32_t ls = s;
  while (ls > 0 && (t[ls - 1] == ' ' || t[ls - 1] == '\t')) ls--;
  bool alone_before = ls == 0 || t[ls - 1] == '\n' || (ls == 3 && (unsigned char)t[0] == 0xEF);
  uint32_t le = e;
  while (le < ctx->len && (t[le] == ' ' || t[le] == '\t')) le++;
  if (le < ctx->len && t[le] == '#')
    while (le < ctx->len && t[le] != '\n' && t[le] != '\r') le++;
  bool alone_after = le >= ctx->len || t[le] == '\n' || t[le] == '\r';
  if (pr_node_kind(parent) == pr_kind_block && siblings < 2) {
    pr_finding_add_edit(ctx, f, s, e, "pass", 4);
  } else if (alone_before && alone_after) {
    if (le < ctx->len && t[le] == '\r') le++;
    if (le < ctx->len && t[le] == '\n') le++;
    pr_finding_add_edit(ctx, f, ls, le, "", 0);
  } else {
    pr_finding_add_edit(ctx, f, s, e, "pass", 4);
  }
}
