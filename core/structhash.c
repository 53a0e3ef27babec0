/* structhash.c - structural hashes of syntax trees; see structhash.h. */
#include "structhash.h"

#include "syntax.h"

#include <string.h>

#define PR_SH_EXIT 0x45584954u  /* marks the end of a node's children */

static uint64_t pr_sh__mix(uint64_t h, uint64_t v) {
  h ^= v;
  h *= 0x100000001b3ull;
  h ^= h >> 29;
  return h;
}

static uint64_t pr_sh__bytes(uint64_t h, const char *s, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) h = pr_sh__mix(h, (unsigned char)s[i]);
  return pr_sh__mix(h, 0xFFu + n);
}

/* Hashes what `n` contributes on entry; returns false when its subtree is skipped. */
static bool pr_sh__enter(const char *text, TSNode n, uint64_t *h) {
  pr_kind k = pr_node_kind(n);
  if (k == pr_kind_comment) return false;
  if (k == pr_kind_parenthesized_expression) return true;  /* its children only */
  if (!ts_node_is_named(n)) {
    const char *t = ts_node_type(n);
    if (!strcmp(t, "(") || !strcmp(t, ")") || !strcmp(t, ",")) return false;
    *h = pr_sh__mix(*h, 0x10000u + ts_node_symbol(n));
    return false;
  }
  *h = pr_sh__mix(*h, 0x20000u + ts_node_symbol(n));
  if (k == pr_kind_string_start) {
    /* the prefix letters (lowercased), never the quotes */
    uint32_t len;
    const char *s = pr_node_text(text, n, &len);
    for (uint32_t i = 0; i < len && s[i] != '\'' && s[i] != '"'; i++)
      *h = pr_sh__mix(*h, (unsigned char)(s[i] | 0x20));
    return false;
  }
  if (k == pr_kind_string_end) return false;
  if (k == pr_kind_string_content || k == pr_kind_format_specifier) {
    /* the text itself: escape sequences are children, the characters between them are not */
    uint32_t len;
    const char *s = pr_node_text(text, n, &len);
    *h = pr_sh__bytes(*h, s, len);
    return false;
  }
  if (ts_node_child_count(n) == 0) {
    uint32_t len;
    const char *s = pr_node_text(text, n, &len);
    *h = pr_sh__bytes(*h, s, len);
  }
  return true;
}

uint64_t pr_struct_hash(const char *text, TSNode node) {
  uint64_t h = 0xcbf29ce484222325ull;
  if (ts_node_is_null(node)) return h;
  TSTreeCursor cur = ts_tree_cursor_new(node);
  uint32_t depth = 0;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    if (pr_sh__enter(text, n, &h) && ts_tree_cursor_goto_first_child(&cur)) {
      depth++;
      continue;
    }
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&cur)) {
      if (depth == 0 || !ts_tree_cursor_goto_parent(&cur)) { done = true; break; }
      depth--;
      TSNode p = ts_tree_cursor_current_node(&cur);
      if (pr_node_kind(p) != pr_kind_parenthesized_expression) h = pr_sh__mix(h, PR_SH_EXIT);
      if (depth == 0) { done = true; break; }
    }
    if (done || depth == 0) break;
  }
  ts_tree_cursor_delete(&cur);
  return h;
}
