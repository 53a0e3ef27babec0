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

/* Appends the starts of the lines that begin inside text[from..to) to `out`;
 * returns the count, or counts only when out is NULL. */
static uint32_t pr_line_index__scan(const char *text, uint32_t from, uint32_t to, uint32_t *out) {
  uint32_t n = 0;
  const char *p = text + from, *end = text + to;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) break;
    if (out) out[n] = (uint32_t)(nl - text) + 1;
    n++;
    p = nl + 1;
  }
  return n;
}

bool pr_line_index_build(pr_line_index *index, const char *text, uint32_t len) {
  index->count = 0;
  uint32_t n = pr_line_index__scan(text, 0, len, NULL);
  if (!pr_line_index__reserve(index, n + 1)) return false;
  index->starts[0] = 0;
  pr_line_index__scan(text, 0, len, index->starts + 1);
  index->count = n + 1;
  return true;
}

bool pr_line_index_replace(pr_line_index *index, const char *text, uint32_t start,
                           uint32_t old_end, uint32_t new_len) {
  /* rows whose start lies in (start, old_end] disappear; new ones come from the inserted text */
  uint32_t first = pr_line_index_row(index, start) + 1;  /* first row that may change */
  uint32_t last = first;                                  /* one past the removed rows */
  while (last < index->count && index->starts[last] <= old_end) last++;
  uint32_t added = pr_line_index__scan(text, start, start + new_len, NULL);
  uint32_t removed = last - first;
  uint32_t count = index->count - removed + added;
  if (!pr_line_index__reserve(index, count)) return false;
  int64_t delta = (int64_t)new_len - (int64_t)(old_end - start);
  memmove(index->starts + first + added, index->starts + last,
          (size_t)(index->count - last) * sizeof *index->starts);
  pr_line_index__scan(text, start, start + new_len, index->starts + first);
  for (uint32_t i = first + added; i < count; i++)
    index->starts[i] = (uint32_t)((int64_t)index->starts[i] + delta);
  index->count = count;
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
  uint32_t end = index->starts[row + 1] - 1;  /* the '\n' */
  if (end > index->starts[row] && text[end - 1] == '\r') end--;
  return end;
}

void pr_line_index_free(pr_line_index *index) {
  free(index->starts);
  index->starts = NULL;
  index->count = index->cap = 0;
}
