/* text.c - line index; see text.h. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

static bool pr_line_index__reserve(pr_line_index *index, uint32_t need) {
  if (need <= index->cap) return true;
  uint32_t cap = index->cap ? index->cap : 64;
  while (cap < need) cap *= 2;
  uint32_t *p = realloc(index->starts, (size_t)cap * sizeof *p);
  if (!p) return false;
  index->starts = p;
  index->cap = cap;
  return true;
}

/* Whether a line starts at p (0 < p <= len): after "\n", or after a '\r' not
 * followed by '\n'. It depends on text[p - 1] and text[p] only. */
static bool pr_line_index__starts_at(const char *text, uint32_t len, uint32_t p) {
  char before = text[p - 1];
  return before == '\n' || (before == '\r' && (p == len || text[p] != '\n'));
}

/* Appends the line starts p with from <= p <= to (1 <= from) to `out`; returns
 * the count, or counts only when out is NULL. *bare_cr counts those after a bare '\r'. */
static uint32_t pr_line_index__scan(const char *text, uint32_t len, uint32_t from, uint32_t to,
                                    uint32_t *out, uint32_t *bare_cr) {
  uint32_t n = 0;
  /* Most texts hold no '\r': then a line starts after each '\n', which
     memchr finds many bytes at a time (every file is indexed on each read). */
  if (!memchr(text + from - 1, '\r', (size_t)(to - from + 1))) {
    const char *p = text + from - 1, *end = text + to;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
      p++;
      if (out) out[n] = (uint32_t)(p - text);
      n++;
    }
    return n;
  }
  for (uint32_t q = from - 1; q < to; q++) {  /* q = p - 1, the byte before the start */
    char c = text[q];
    if (c != '\n' && c != '\r') continue;
    if (!pr_line_index__starts_at(text, len, q + 1)) continue;
    if (out) out[n] = q + 1;
    if (c == '\r') ++*bare_cr;
    n++;
  }
  return n;
}

bool pr_line_index_build(pr_line_index *index, const char *text, uint32_t len) {
  index->count = 0;
  uint32_t bare = 0;
  uint32_t n = len ? pr_line_index__scan(text, len, 1, len, NULL, &bare) : 0;
  if (!pr_line_index__reserve(index, n + 1)) return false;
  index->starts[0] = 0;
  bare = 0;
  if (len) pr_line_index__scan(text, len, 1, len, index->starts + 1, &bare);
  index->count = n + 1;
  index->bare_cr = bare;
  return true;
}

bool pr_line_index_replace(pr_line_index *index, const char *text, uint32_t len, uint32_t start,
                           uint32_t old_end, uint32_t new_len, const char *removed) {
  /* A start p depends on bytes p - 1 and p: starts below `start` keep their
     place, starts above old_end move by the length change, and the ones in
     [start, old_end] (old text) are replaced by a scan of [start, start + new_len]. */
  uint32_t lo = start ? start : 1;
  uint32_t first = pr_line_index_row(index, lo);
  if (index->starts[first] < lo) first++;
  uint32_t last = first;  /* one past the removed rows */
  uint32_t removed_bare = 0;
  for (; last < index->count && index->starts[last] <= old_end; last++) {
    uint32_t p = index->starts[last];
    char before = p - 1 < start ? text[p - 1] : removed[p - 1 - start];
    if (before == '\r') removed_bare++;
  }
  uint32_t hi = start + new_len;
  uint32_t added_bare = 0;
  uint32_t added = lo <= hi ? pr_line_index__scan(text, len, lo, hi, NULL, &added_bare) : 0;
  uint32_t removed_rows = last - first;
  uint32_t count = index->count - removed_rows + added;
  if (!pr_line_index__reserve(index, count)) return false;
  int64_t delta = (int64_t)new_len - (int64_t)(old_end - start);
  memmove(index->starts + first + added, index->starts + last,
          (size_t)(index->count - last) * sizeof *index->starts);
  uint32_t ignored = 0;
  if (added) pr_line_index__scan(text, len, lo, hi, index->starts + first, &ignored);
  for (uint32_t i = first + added; i < count; i++)
    index->starts[i] = (uint32_t)((int64_t)index->starts[i] + delta);
  index->count = count;
  index->bare_cr = index->bare_cr - removed_bare + added_bare;
  return true;
}

uint32_t pr_line_index_row(const pr_line_index *index, uint32_t byte) {
  uint32_t lo = 0, hi = index->count;  /* answer in [lo, hi) */
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (index->starts[mid] <= byte) lo = mid;
    else hi = mid;
  }
  return lo;
}

uint32_t pr_line_index_row_end(const pr_line_index *index, const char *text, uint32_t len,
                               uint32_t row) {
  if (row + 1 >= index->count) return len;
  uint32_t end = index->starts[row + 1] - 1;  /* the '\n' or the bare '\r' */
  if (text[end] == '\n' && end > index->starts[row] && text[end - 1] == '\r') end--;
  return end;
}

void pr_line_index_free(pr_line_index *index) {
  free(index->starts);
  index->starts = NULL;
  index->count = index->cap = index->bare_cr = 0;
}
