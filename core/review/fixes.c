/* fixes.c - see fixes.h. */
#include "fixes.h"

#include "parse.h"
#include "report.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *pr_fix_all(TSParser *parser, const char *text0, uint32_t len0, const pr_review_options *base,
                 uint32_t *out_len, uint32_t *applied) {
  *applied = 0;
  uint32_t len = len0;
  char *text = malloc((size_t)len + 1);
  if (!text) return NULL;
  memcpy(text, text0, len);
  text[len] = 0;
  for (int round = 0; round < 8; round++) {
    pr_line_index lines = {0};
    if (!pr_line_index_build(&lines, text, len)) break;
    TSTree *tree = pr_parse(parser, NULL, text, len, lines.bare_cr != 0);
    pr_review review;
    pr_review_options options = *base;
    options.lines = &lines;
    options.cache = NULL;
    bool ok = tree && pr_review_file(text, len, tree, &options, &review) == PR_REVIEW_OK;
    if (tree) ts_tree_delete(tree);
    pr_line_index_free(&lines);
    if (!ok) break;
    /* the fixes to apply: in document order, none overlapping an earlier one */
    pr_edit *chosen = NULL;
    uint32_t n = 0, cap = 0, fixes = 0;
    size_t grow = 0;
    for (uint32_t i = 0; i < review.count; i++) {
      const pr_finding *f = review.findings[i];
      if (!f->fix_message || !f->edit_count) continue;
      bool clash = false;
      for (uint32_t e = 0; e < f->edit_count && !clash; e++)
        for (uint32_t c = 0; c < n && !clash; c++)
          clash = f->edits[e].start < chosen[c].end && chosen[c].start < f->edits[e].end;
      if (clash) continue;
      if (n + f->edit_count > cap) {
        cap = (n + f->edit_count) * 2;
        pr_edit *p = realloc(chosen, cap * sizeof *p);
        if (!p) break;
        chosen = p;
      }
      for (uint32_t e = 0; e < f->edit_count; e++) {
        chosen[n++] = f->edits[e];
        grow += strlen(f->edits[e].text);
      }
      fixes++;
    }
    if (!n) { free(chosen); pr_review_free(&review); break; }
    for (uint32_t i = 1; i < n; i++)  /* by position (they do not overlap) */
      for (uint32_t j = i; j > 0 && chosen[j - 1].start > chosen[j].start; j--) {
        pr_edit t = chosen[j];
        chosen[j] = chosen[j - 1];
        chosen[j - 1] = t;
      }
    char *next = malloc((size_t)len + grow + 1);
    if (!next) { free(chosen); pr_review_free(&review); break; }
    uint32_t o = 0, at = 0;
    for (uint32_t i = 0; i < n; i++) {
      memcpy(next + o, text + at, chosen[i].start - at);
      o += chosen[i].start - at;
      size_t t = strlen(chosen[i].text);
      memcpy(next + o, chosen[i].text, t);
      o += (uint32_t)t;
      at = chosen[i].end;
    }
    memcpy(next + o, text + at, len - at);
    o += len - at;
    next[o] = 0;
    free(chosen);
    pr_review_free(&review);
    free(text);
    text = next;
    len = o;
    *applied += fixes;
  }
  if (!*applied) { free(text); return NULL; }
  *out_len = len;
  return text;
}

/* ---------- unified diff (Myers' O(ND) on lines) ---------- */

typedef struct pr_lines {
  const char **at;           /* line starts */
  uint32_t *len;             /* line lengths, the line end included */
  uint32_t count;
} pr_lines;

static bool pr_diff__split(const char *t, uint32_t n, pr_lines *l) {
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; i++)
    if (t[i] == '\n') count++;
  if (n && t[n - 1] != '\n') count++;
  l->at = malloc((count ? count : 1) * sizeof *l->at);
  l->len = malloc((count ? count : 1) * sizeof *l->len);
  if (!l->at || !l->len) return false;
  l->count = 0;
  for (uint32_t i = 0, s = 0; i < n; i++) {
    if (t[i] == '\n' || i + 1 == n) {
      l->at[l->count] = t + s;
      l->len[l->count++] = i + 1 - s;
      s = i + 1;
    }
  }
  return true;
}

static bool pr_diff__same(const pr_lines *a, uint32_t i, const pr_lines *b, uint32_t j) {
  return a->len[i] == b->len[j] && !memcmp(a->at[i], b->at[j], a->len[i]);
}

typedef struct pr_dbuf { char *s; size_t n, cap; bool oom; } pr_dbuf;

static void pr_diff__put(pr_dbuf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 4096;
    while (cap < b->n + n + 1) cap *= 2;
    char *p = realloc(b->s, cap);
    if (!p) { b->oom = true; return; }
    b->s = p;
    b->cap = cap;
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = 0;
}

static void pr_diff__line(pr_dbuf *b, char mark, const char *s, uint32_t n) {
  pr_diff__put(b, &mark, 1);
  pr_diff__put(b, s, n);
  if (!n || s[n - 1] != '\n') pr_diff__put(b, "\n\\ No newline at end of file\n", 29);
}

char *pr_unified_diff(const char *path, const char *old_text, uint32_t old_len, const char *new_text,
                      uint32_t new_len) {
  pr_lines a = {0}, b = {0};
  pr_dbuf out = {0};
  char *result = NULL;
  int32_t *v = NULL;
  uint8_t *ops = NULL;  /* per edit-script step: 0 same, 1 delete, 2 insert */
  if (!pr_diff__split(old_text, old_len, &a) || !pr_diff__split(new_text, new_len, &b)) goto done;
  /* trim the common head and tail, then Myers on the middle */
  uint32_t head = 0;
  while (head < a.count && head < b.count && pr_diff__same(&a, head, &b, head)) head++;
  uint32_t tail = 0;
  while (tail < a.count - head && tail < b.count - head &&
         pr_diff__same(&a, a.count - 1 - tail, &b, b.count - 1 - tail))
    tail++;
  int32_t n = (int32_t)(a.count - head - tail), m = (int32_t)(b.count - head - tail), max = n + m;
  /* the script as a walk: keep every V for the backtrack (the middles are small) */
  size_t vlen = (size_t)2 * max + 3;
  v = malloc((size_t)(max + 1) * vlen * sizeof *v);
  if (!v) goto done;
  int32_t d = 0;
  for (d = 0; d <= max; d++) {
    int32_t *row = v + (size_t)d * vlen;
    const int32_t *prev = d ? v + (size_t)(d - 1) * vlen : NULL;
    bool found = false;
    for (int32_t k = -d; k <= d; k += 2) {
      int32_t x;
      if (d == 0) x = 0;
      else if (k == -d || (k != d && prev[max + 1 + k - 1] < prev[max + 1 + k + 1])) x = prev[max + 1 + k + 1];
      else x = prev[max + 1 + k - 1] + 1;
      int32_t y = x - k;
      while (x < n && y < m && pr_diff__same(&a, head + (uint32_t)x, &b, head + (uint32_t)y)) { x++; y++; }
      row[max + 1 + k] = x;
      if (x >= n && y >= m) { found = true; break; }
    }
    if (found) break;
  }
  /* backtrack into ops (reversed), then forward */
  size_t steps = (size_t)n + (size_t)m + 1, nops = 0;
  ops = malloc(steps);
  if (!ops) goto done;
  int32_t x = n, y = m;
  for (int32_t dd = d; dd > 0; dd--) {
    const int32_t *prev = v + (size_t)(dd - 1) * vlen;
    int32_t k = x - y;
    int32_t pk = (k == -dd || (k != dd && prev[max + 1 + k - 1] < prev[max + 1 + k + 1])) ? k + 1 : k - 1;
    int32_t px = prev[max + 1 + pk], py = px - pk;
    while (x > px && y > py) { ops[nops++] = 0; x--; y--; }
    if (pk == k + 1) { ops[nops++] = 2; y--; }
    else { ops[nops++] = 1; x--; }
  }
  while (x > 0 && y > 0) { ops[nops++] = 0; x--; y--; }
  for (size_t i = 0; i < nops / 2; i++) { uint8_t t = ops[i]; ops[i] = ops[nops - 1 - i]; ops[nops - 1 - i] = t; }
  /* the whole script over both files: head, middle, tail */
  size_t total = head + nops + tail;
  uint8_t *all = malloc(total ? total : 1);
  if (!all) goto done;
  memset(all, 0, head);
  memcpy(all + head, ops, nops);
  memset(all + head + nops, 0, tail);
  pr_diff__put(&out, "", 0);
  if (!out.oom && nops) {
    char hdr[4200];
    int h = snprintf(hdr, sizeof hdr, "--- a/%s\n+++ b/%s\n", path, path);
    pr_diff__put(&out, hdr, (size_t)h < sizeof hdr ? (size_t)h : sizeof hdr - 1);
    size_t i = 0;
    uint32_t ai = 0, bi = 0;  /* line numbers (0-based) at step i */
    while (i < total) {
      /* the next change, and its hunk: 3 lines of context, merged when closer than 7 */
      size_t c = i;
      uint32_t ca = ai, cb = bi;
      while (c < total && all[c] == 0) { c++; ca++; cb++; }
      if (c == total) break;
      size_t start = c >= 3 ? c - 3 : 0;
      uint32_t sa = ca - (uint32_t)(c - start), sb = cb - (uint32_t)(c - start);
      size_t end = c;
      for (;;) {
        while (end < total && all[end] != 0) end++;
        size_t same = 0;
        while (end + same < total && all[end + same] == 0) same++;
        if (end + same < total && same <= 6) { end += same; continue; }
        end += same < 3 ? same : 3;
        break;
      }
      uint32_t na = 0, nb = 0;
      for (size_t s = start; s < end; s++) { if (all[s] != 2) na++; if (all[s] != 1) nb++; }
      int w = snprintf(hdr, sizeof hdr, "@@ -%u,%u +%u,%u @@\n", na ? sa + 1 : sa, na, nb ? sb + 1 : sb, nb);
      pr_diff__put(&out, hdr, (size_t)w);
      uint32_t pa = sa, pb = sb;
      for (size_t s = start; s < end; s++) {
        if (all[s] == 0) { pr_diff__line(&out, ' ', a.at[pa], a.len[pa]); pa++; pb++; }
        else if (all[s] == 1) { pr_diff__line(&out, '-', a.at[pa], a.len[pa]); pa++; }
        else { pr_diff__line(&out, '+', b.at[pb], b.len[pb]); pb++; }
      }
      i = end;
      ai = pa;
      bi = pb;
    }
  }
  free(all);
  if (!out.oom) { result = out.s; out.s = NULL; }
done:
  free(out.s);
  free(v);
  free(ops);
  free(a.at);
  free(a.len);
  free(b.at);
  free(b.len);
  return result;
}
