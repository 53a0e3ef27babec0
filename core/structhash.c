/* structhash.c - structural hashes of syntax trees (see structhash.h). */
#include "structhash.h"

#include "syntax.h"

#include <string.h>

/* Parentheses are skipped when their parent is a parenthesized expression;
 * that is tracked per depth up to this many levels (deeper, they count: the
 * hash stays deterministic). */
#define PR_STRUCT_MAX_DEPTH 512

static uint64_t pr_struct__mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  h *= 0xFF51AFD7ED558CCDull;
  return h ^ (h >> 33);
}

static uint64_t pr_struct__bytes(uint64_t h, const char *s, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return pr_struct__mix(h, n);
}

/* One node on entering it; returns false when its subtree is skipped. */
static bool pr_struct__enter(const char *text, TSNode node, bool in_parens, uint64_t *h) {
  if (ts_node_is_extra(node)) return false;  /* comments, continuations */
  pr_kind k = pr_node_kind(node);
  if (k == pr_kind_comment) return false;
  uint32_t len;
  const char *s = pr_node_text(text, node, &len);
  if (!ts_node_is_named(node)) {
    if (in_parens && len == 1 && (s[0] == '(' || s[0] == ')')) return false;
    if (len == 1 && s[0] == ',') {  /* a trailing comma before a closing bracket */
      TSNode next = ts_node_next_sibling(node);
      while (!ts_node_is_null(next) && ts_node_is_extra(next)) next = ts_node_next_sibling(next);
      uint32_t nl;
      const char *ns = ts_node_is_null(next) ? NULL : pr_node_text(text, next, &nl);
      if (ns && nl == 1 && (ns[0] == ')' || ns[0] == ']' || ns[0] == '}')) return false;
    }
    *h = pr_struct__bytes(pr_struct__mix(*h, 1), s, len);
    return false;
  }
  if (k == pr_kind_parenthesized_expression) return true;  /* no token of its own */
  if (k == pr_kind_string_end) return false;
  if (k == pr_kind_string_start) {
    /* the prefix letters, lowercased; the quotes are style */
    uint64_t p = pr_struct__mix(*h, 2);
    for (uint32_t i = 0; i < len; i++) {
      char c = s[i];
      if (c == '\'' || c == '"') continue;
      if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
      p = pr_struct__mix(p, (unsigned char)c);
    }
    *h = p;
    return false;
  }
  *h = pr_struct__mix(*h, 0x100u + ts_node_symbol(node));
  if (ts_node_child_count(node) == 0) {
    *h = pr_struct__bytes(*h, s, len);  /* identifiers, numbers, string contents */
    return false;
  }
  return true;
}

uint64_t pr_struct_hash(const char *text, TSNode node) {
  uint64_t h = 0x5EEDF00Dull;
  if (ts_node_is_null(node)) return h;
  uint8_t parens[PR_STRUCT_MAX_DEPTH];
  uint32_t depth = 0;
  TSTreeCursor c = ts_tree_cursor_new(node);
  bool in_parens = false;
  for (;;) {
    TSNode cur = ts_tree_cursor_current_node(&c);
    if (pr_struct__enter(text, cur, in_parens, &h) && ts_tree_cursor_goto_first_child(&c)) {
      if (depth < PR_STRUCT_MAX_DEPTH) parens[depth] = in_parens;
      depth++;
      in_parens = pr_node_kind(cur) == pr_kind_parenthesized_expression;
      continue;
    }
    /* next sibling, or up (closing each level) until there is one */
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (depth == 0 || !ts_tree_cursor_goto_parent(&c)) {
        ts_tree_cursor_delete(&c);
        return h;
      }
      depth--;
      in_parens = depth < PR_STRUCT_MAX_DEPTH ? parens[depth] : false;
      TSNode up = ts_tree_cursor_current_node(&c);
      if (pr_node_kind(up) != pr_kind_parenthesized_expression) h = pr_struct__mix(h, 3);  /* end of a node */
    }
  }
}
