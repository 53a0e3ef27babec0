/* structhash.c - structural hashes of syntax trees; see structhash.h. */
#include "structhash.h"

#include "syntax.h"

#include <stdatomic.h>
#include <string.h>

#define PR_SH_EXIT 0x45584954u  /* marks the end of a node's children */

static uint64_t pr_sh__mix(uint64_t h, uint64_t v) {
  h ^= v;
  h *= 0x100000001b3ull;
  h ^= h >> 29;
  return h;
}

/* Eight bytes a step: every leaf's text is hashed, the whole file's once a review. */
static uint64_t pr_sh__bytes(uint64_t h, const char *s, uint32_t n) {
  uint32_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = pr_sh__mix(h, w);
  }
  if (i < n) {
    uint64_t w = 0;
    memcpy(&w, s + i, n - i);
    h = pr_sh__mix(h, w);
  }
  return pr_sh__mix(h, 0xFFu + n);
}

/* What a named node of symbol `sym` starts its hash with. */
static uint64_t pr_sh__named(TSSymbol sym) { return pr_sh__mix(0xcbf29ce484222325ull, 0x20000u + sym); }

/* A string start's prefix letters (lowercased) up to its quote, into h. */
static uint64_t pr_sh__prefix(uint64_t h, const char *s, uint32_t n) {
  for (uint32_t i = 0; i < n && s[i] != '\'' && s[i] != '"'; i++) h = pr_sh__mix(h, (unsigned char)(s[i] | 0x20));
  return h;
}

/* The symbols of `(`, `)` and `,`, which add nothing: looked up once per
 * process (every thread finds the same values). */
static _Atomic int pr_sh__symbols_ready;
static TSSymbol pr_sh__open, pr_sh__close, pr_sh__comma;

static bool pr_sh__punctuation(TSNode n, TSSymbol sym) {
  if (!atomic_load_explicit(&pr_sh__symbols_ready, memory_order_acquire)) {
    const TSLanguage *l = ts_node_language(n);
    pr_sh__open = ts_language_symbol_for_name(l, "(", 1, false);
    pr_sh__close = ts_language_symbol_for_name(l, ")", 1, false);
    pr_sh__comma = ts_language_symbol_for_name(l, ",", 1, false);
    atomic_store_explicit(&pr_sh__symbols_ready, 1, memory_order_release);
  }
  return sym == pr_sh__open || sym == pr_sh__close || sym == pr_sh__comma;
}

/* The hash of a node as a function of its kind, its own text (leaves) and
 * its children's hashes (a Merkle hash), so that an already known subtree
 * hash stands in for the subtree exactly. Returns false when the node adds
 * nothing (comments, `(`, `)`, `,`); sets *descend when its children count. */
static bool pr_sh__leaf_kind(const char *text, TSNode n, pr_kind k, bool named, TSSymbol sym, uint32_t children,
                             uint64_t *h, bool *descend) {
  *descend = false;
  if (k == pr_kind_comment) return false;
  if (!named) {
    if (pr_sh__punctuation(n, sym)) return false;
    *h = pr_sh__mix(0xcbf29ce484222325ull, 0x10000u + sym);
    return true;
  }
  *h = pr_sh__named(sym);
  if (k == pr_kind_string_start) {
    /* the prefix letters (lowercased), never the quotes */
    uint32_t len;
    const char *s = pr_node_text(text, n, &len);
    *h = pr_sh__prefix(*h, s, len);
    return true;
  }
  if (k == pr_kind_string_end) return false;
  if (k == pr_kind_string_content || k == pr_kind_format_specifier || children == 0) {
    /* the text itself (a string's content whole: escape sequences are children,
       the characters between them are not) */
    uint32_t len;
    const char *s = pr_node_text(text, n, &len);
    *h = pr_sh__bytes(*h, s, len);
    return true;
  }
  *descend = true;
  return true;
}

static bool pr_sh__leaf(const char *text, TSNode n, uint64_t *h, bool *descend) {
  TSSymbol sym = ts_node_symbol(n);
  return pr_sh__leaf_kind(text, n, pr_kind_of_symbol(sym), ts_node_is_named(n), sym, ts_node_child_count(n), h,
                          descend);
}

#define PR_SH_DEPTH 256

pr_sh_mode pr_struct_hash_start(const char *text, TSNode node, pr_kind kind, bool named, TSSymbol symbol,
                                uint64_t *h) {
  *h = 0;
  uint32_t children = ts_node_child_count(node);
  if (kind == pr_kind_parenthesized_expression && children > 0) return PR_SH_THROUGH;
  bool descend;
  if (!pr_sh__leaf_kind(text, node, kind, named, symbol, children, h, &descend)) return PR_SH_NONE;
  return descend && children > 0 ? PR_SH_OPEN : PR_SH_LEAF;
}

uint64_t pr_struct_hash_close(uint64_t h) { return pr_sh__mix(h, PR_SH_EXIT); }

/* The symbols of a string, its start and its content, looked up once per process. */
static _Atomic int pr_sh__string_ready;
static TSSymbol pr_sh__string, pr_sh__string_start, pr_sh__string_content;

static void pr_sh__string_symbols(TSNode n) {
  if (atomic_load_explicit(&pr_sh__string_ready, memory_order_acquire)) return;
  const TSLanguage *l = ts_node_language(n);
  pr_sh__string = ts_language_symbol_for_name(l, "string", 6, true);
  pr_sh__string_start = ts_language_symbol_for_name(l, "string_start", 12, true);
  pr_sh__string_content = ts_language_symbol_for_name(l, "string_content", 14, true);
  atomic_store_explicit(&pr_sh__string_ready, 1, memory_order_release);
}

/* One plain string literal at s[*at..n), decided from the text alone: its
 * prefix holds no f or t (only those hold interpolations), its quotes close
 * on the line (or after three, for a triple-quoted one), and, raw, it holds
 * no backslash (tree-sitter-python's scanner ends a raw string's content at
 * a backslash before a quote or a backslash, and puts the rest in its end:
 * `r'\\'` has no content; such a string is walked and hashed as the tree
 * says). Moves *at past it; sets *ur when its prefix is Python 2's `ur`, and
 * *value (when not NULL; the symbols looked up) to its hash, as
 * pr_struct_hash_with folds a string's children: the start (its prefix
 * letters, lowercased, as pr_sh__leaf_kind hashes it), the content when
 * there is any (its text whole), not the end. */
static bool pr_sh__plain_literal(const char *s, uint32_t n, uint32_t *at, bool *ur, uint64_t *value) {
  uint32_t p = *at, prefix = p;
  bool raw = false;
  while (p < n && s[p] != '\'' && s[p] != '"') {
    char c = (char)(s[p] | 0x20);
    if (c != 'r' && c != 'b' && c != 'u') return false;
    raw |= c == 'r';
    p++;
  }
  if (p >= n || p - prefix > 2) return false;
  char quote = s[p];
  uint32_t q = p + 2 < n && s[p + 1] == quote && s[p + 2] == quote ? 3 : 1;
  uint32_t body = p + q, e = body;
  /* by memchr, a vector at a time: the bodies are most of the text it reads */
  for (;;) {
    const char *close = e < n ? memchr(s + e, quote, n - e) : NULL;
    if (!close) return false;
    uint32_t c = (uint32_t)(close - s);
    const char *escape = memchr(s + e, '\\', c - e);
    uint32_t stop = escape ? (uint32_t)(escape - s) : c;
    if (q == 1 && memchr(s + e, '\n', stop - e)) return false;
    if (escape) {
      if (raw) return false;
      e = stop + 2;
    } else if (q == 1 || (c + 2 < n && s[c + 1] == quote && s[c + 2] == quote)) {
      e = c;
      break;
    } else {
      e = c + 1;
    }
  }
  *at = e + q;
  *ur = p - prefix >= 2 && (s[prefix] | 0x20) == 'u' && (s[prefix + 1] | 0x20) == 'r';
  if (!value) return true;
  uint64_t h = pr_struct_hash_fold(pr_sh__named(pr_sh__string),
                                   pr_sh__prefix(pr_sh__named(pr_sh__string_start), s + prefix, p - prefix));
  if (e > body) h = pr_struct_hash_fold(h, pr_sh__bytes(pr_sh__named(pr_sh__string_content), s + body, e - body));
  *value = pr_struct_hash_close(h);
  return true;
}

bool pr_struct_hash_plain_string(const char *text, TSNode node, bool *ur, uint64_t *value) {
  if (ts_node_has_error(node)) return false;
  uint32_t n, at = 0;
  const char *s = pr_node_text(text, node, &n);
  if (value) pr_sh__string_symbols(node);
  return pr_sh__plain_literal(s, n, &at, ur, value) && at == n;
}

bool pr_struct_hash_plain_concatenation(const char *text, TSNode node, TSSymbol symbol, bool *ur, uint64_t *value) {
  if (ts_node_has_error(node)) return false;
  uint32_t n, at = 0;
  const char *s = pr_node_text(text, node, &n);
  if (value) pr_sh__string_symbols(node);
  uint64_t h = pr_sh__named(symbol);
  *ur = false;
  for (;;) {
    /* between the strings: blanks and line continuations; a comment there
       is the walk's (suppressions), so the concatenation is walked */
    while (at < n && (s[at] == ' ' || s[at] == '\t' || s[at] == '\f' || s[at] == '\r' || s[at] == '\n' ||
                      (s[at] == '\\' && at + 1 < n && (s[at + 1] == '\n' || s[at + 1] == '\r'))))
      at++;
    if (at >= n) break;
    uint64_t v;
    bool piece_ur;
    if (!pr_sh__plain_literal(s, n, &at, &piece_ur, value ? &v : NULL)) return false;
    *ur |= piece_ur;
    if (value) h = pr_struct_hash_fold(h, v);
  }
  if (value) *value = pr_struct_hash_close(h);
  return true;
}

uint64_t pr_struct_hash_fold(uint64_t parent, uint64_t child) {
  return pr_sh__mix(parent, child) * 0x9e3779b97f4a7c15ull;
}

uint64_t pr_struct_hash(const char *text, TSNode node) { return pr_struct_hash_with(text, node, NULL, NULL); }

uint64_t pr_struct_hash_with(const char *text, TSNode node, pr_struct_hash_known known, void *data) {
  if (ts_node_is_null(node)) return 0xcbf29ce484222325ull;
  /* frame[0] collects the root; frame[i] is the hash so far of an open node
     whose children are being hashed. pushed[d]: the node at cursor depth d
     has a frame (a parenthesised expression has none: its children count
     for its parent, so `(a)` hashes as `a`). */
  uint64_t frame[PR_SH_DEPTH + 1];
  bool pushed[PR_SH_DEPTH];
  uint32_t top = 0;
  frame[0] = 0x84222325cbf29ce4ull;
  TSTreeCursor cur = ts_tree_cursor_new(node);
  uint32_t depth = 0;
  uint64_t result = 0;
  bool have_result = false;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    uint64_t h = 0;
    bool descend = false, counts, found = false;
    if (known && depth > 0 && ts_node_is_named(n) &&
        (pr_node_kind(n) == pr_kind_block || pr_kind_is_statement(pr_node_kind(n))))
      h = known(data, n, &found);
    if (found) counts = true;
    else if (pr_node_kind(n) == pr_kind_parenthesized_expression) { counts = false; descend = true; }
    else counts = pr_sh__leaf(text, n, &h, &descend);
    if (descend && ts_node_child_count(n) > 0) {
      bool push = counts && depth < PR_SH_DEPTH && top < PR_SH_DEPTH;
      if (depth < PR_SH_DEPTH) pushed[depth] = push;
      if (push) frame[++top] = h;
      else if (counts) frame[top] = pr_sh__mix(frame[top], h);  /* too deep: fold in place */
      ts_tree_cursor_goto_first_child(&cur);
      depth++;
      continue;
    }
    if (depth == 0 && counts) { result = h; have_result = true; }  /* the root is a leaf */
    if (counts) frame[top] = pr_sh__mix(frame[top], h) * 0x9e3779b97f4a7c15ull;
    /* up while there is no next sibling, closing frames */
    bool done = false;
    while (depth == 0 || !ts_tree_cursor_goto_next_sibling(&cur)) {
      if (depth == 0 || !ts_tree_cursor_goto_parent(&cur)) { done = true; break; }
      depth--;
      if (depth < PR_SH_DEPTH && pushed[depth] && top > 0) {
        uint64_t closed = pr_sh__mix(frame[top--], PR_SH_EXIT);
        frame[top] = pr_sh__mix(frame[top], closed) * 0x9e3779b97f4a7c15ull;
        if (depth == 0) { result = closed; have_result = true; }
      }
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&cur);
  /* what the root contributes to a parent: a known subtree's value stands in for it exactly */
  return have_result ? result : frame[0];
}
