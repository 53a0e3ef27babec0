/* incremental.c - segments, places and the per-document review cache; see incremental.h. */
#include "incremental.h"

#include <stdlib.h>
#include <string.h>

uint64_t pr_hash_bytes(const char *s, size_t n, uint64_t seed) {
  const uint64_t k = 0x9E3779B97F4A7C15ull;
  uint64_t h = seed ^ (n * k);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = (h ^ w) * k;
    h ^= h >> 31;
  }
  uint64_t tail = 0;
  memcpy(&tail, s + i, n - i);
  h = (h ^ tail ^ ((uint64_t)(n - i) << 56)) * k;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

/* ---------- the layout ---------- */

/* Kinds whose children may hold a def at module or class-body level. */
static bool pr_layout__container(pr_kind k) {
  switch (k) {
  case pr_kind_module: case pr_kind_block: case pr_kind_class_definition: case pr_kind_decorated_definition:
  case pr_kind_if_statement: case pr_kind_elif_clause: case pr_kind_else_clause: case pr_kind_for_statement:
  case pr_kind_while_statement: case pr_kind_try_statement: case pr_kind_except_clause:
  case pr_kind_except_group_clause: case pr_kind_finally_clause: case pr_kind_with_statement:
  case pr_kind_match_statement: case pr_kind_case_clause:
    return true;
  default:
    return false;
  }
}

/* The function_definition a segment candidate defines, or a null node. */
static TSNode pr_layout__function(TSNode node) {
  pr_kind k = pr_node_kind(node);
  if (k == pr_kind_function_definition) return node;
  if (k == pr_kind_decorated_definition) {
    TSNode d = pr_child(node, pr_field_definition);
    if (pr_node_kind(d) == pr_kind_function_definition) return d;
  }
  return (TSNode){0};
}

bool pr_layout_build(pr_layout *l, const char *text, uint32_t len, TSNode root) {
  memset(l, 0, sizeof *l);
  uint64_t h = 0x51ED27u;
  uint32_t gap_start = 0;
  if (pr_node_kind(root) != pr_kind_ERROR) {
    TSTreeCursor c = ts_tree_cursor_new(root);
    bool descend = true;
    for (;;) {
      if (descend && ts_tree_cursor_goto_first_child(&c)) {
        /* at the first child */
      } else {
        bool moved = false;
        for (;;) {
          if (ts_tree_cursor_goto_next_sibling(&c)) { moved = true; break; }
          if (!ts_tree_cursor_goto_parent(&c)) break;
        }
        if (!moved) break;
      }
      TSNode n = ts_tree_cursor_current_node(&c);
      pr_kind k = ts_node_is_named(n) ? pr_node_kind(n) : pr_kind_other;
      TSNode fn = k == pr_kind_ERROR ? (TSNode){0} : pr_layout__function(n);
      if (!ts_node_is_null(fn)) {
        if (l->count == l->cap) {
          uint32_t cap = l->cap ? l->cap * 2 : 64;
          pr_segment *s = realloc(l->segments, cap * sizeof *s);
          if (!s) { ts_tree_cursor_delete(&c); pr_layout_free(l); return false; }
          l->segments = s;
          l->cap = cap;
        }
        pr_segment *s = &l->segments[l->count++];
        s->node = n;
        s->start = ts_node_start_byte(n);
        s->end = ts_node_end_byte(n);
        if (s->end > len) s->end = len;
        if (s->start > s->end) s->start = s->end;
        s->hash = pr_hash_bytes(text + s->start, s->end - s->start, 0);
        s->has_error = ts_node_has_error(n);
        /* the gap before it, then its name: what the skeleton sees of it */
        uint32_t gs = gap_start <= s->start ? gap_start : s->start;
        h = pr_hash_bytes(text + gs, s->start - gs, h);
        TSNode name = pr_child(fn, pr_field_name);
        uint32_t ns = ts_node_start_byte(name), ne = ts_node_end_byte(name);
        if (ts_node_is_null(name) || ne > len || ns > ne) ns = ne = 0;
        h = pr_hash_bytes(text + ns, ne - ns, h ^ 0xDEFu);
        gap_start = s->end;
        descend = false;
        continue;
      }
      descend = k != pr_kind_ERROR && pr_layout__container(k);
    }
    ts_tree_cursor_delete(&c);
  }
  if (gap_start > len) gap_start = len;
  l->skeleton = pr_hash_bytes(text + gap_start, len - gap_start, h);
  return true;
}

void pr_layout_free(pr_layout *l) {
  free(l->segments);
  memset(l, 0, sizeof *l);
}

/* The number of segments starting at or before `at`. */
static uint32_t pr_layout__rank(const pr_layout *l, uint32_t at) {
  uint32_t lo = 0, hi = l->count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (l->segments[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

uint32_t pr_layout_segment_at(const pr_layout *l, uint32_t at) {
  uint32_t k = pr_layout__rank(l, at);
  return k > 0 && at < l->segments[k - 1].end ? k - 1 : PR_NONE;
}

pr_place pr_layout_encode(const pr_layout *l, uint32_t at) {
  uint32_t k = pr_layout__rank(l, at);
  if (k > 0 && at < l->segments[k - 1].end) return (pr_place){2 * (k - 1) + 1, at - l->segments[k - 1].start};
  uint32_t gap = k ? l->segments[k - 1].end : 0;
  return (pr_place){2 * k, at - gap};
}

uint32_t pr_layout_decode(const pr_layout *l, pr_place p) {
  uint32_t k = p.region / 2;
  if (p.region & 1) return k < l->count ? l->segments[k].start + p.rel : 0;
  if (k > l->count) return 0;
  return (k ? l->segments[k - 1].end : 0) + p.rel;
}

/* ---------- the cache ---------- */

pr_review_cache *pr_review_cache_new(void) {
  return calloc(1, sizeof(pr_review_cache));
}

void pr_segment_result_free(pr_segment_result *r) {
  for (uint32_t i = 0; i < r->finding_count; i++) {
    pr_cached_finding *f = &r->findings[i];
    free(f->message);
    for (uint32_t j = 0; j < f->related_count; j++) free(f->related[j].message);
    free(f->related);
  }
  free(r->findings);
  for (uint32_t i = 0; i < r->fact_count; i++) free(r->facts[i].text);
  free(r->facts);
  free(r->comments);
  free(r->comment_lens);
  for (uint32_t i = 0; i < r->name_count; i++) free(r->names[i].name);
  free(r->names);
  free(r->test_classes);
  memset(r, 0, sizeof *r);
}

void pr_review_cache_clear(pr_review_cache *c) {
  for (uint32_t i = 0; i < c->count; i++) pr_segment_result_free(&c->results[i]);
  free(c->results);
  c->results = NULL;
  c->count = 0;
  c->valid = false;
}

void pr_review_cache_free(pr_review_cache *c) {
  if (!c) return;
  pr_review_cache_clear(c);
  free(c);
}

size_t pr_review_cache_bytes(const pr_review_cache *c) {
  if (!c) return 0;
  size_t n = sizeof *c + c->count * sizeof *c->results;
  for (uint32_t i = 0; i < c->count; i++) {
    const pr_segment_result *r = &c->results[i];
    n += r->finding_count * sizeof *r->findings + r->fact_count * sizeof *r->facts +
         r->comment_count * (sizeof *r->comments + sizeof *r->comment_lens) + r->name_count * sizeof *r->names;
    for (uint32_t j = 0; j < r->finding_count; j++) n += strlen(r->findings[j].message) + 1;
    for (uint32_t j = 0; j < r->name_count; j++) n += r->names[j].len + 1;
    for (uint32_t j = 0; j < r->fact_count; j++) n += r->facts[j].text ? r->facts[j].text_len + 1 : 0;
  }
  return n;
}
