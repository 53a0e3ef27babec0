/* nesting.c - block depth in document order; see nesting.h. */
#include "nesting.h"

#include <string.h>

int32_t pr_nesting_enter(pr_ctx *ctx, pr_nesting *t, TSNode node) {
  uint32_t start = ts_node_start_byte(node);
  while (t->count && t->open[t->count - 1].end <= start) t->count--;
  int32_t around = t->count ? t->open[t->count - 1].inner : -1;
  pr_kind k = pr_node_kind(node);
  int32_t depth = -1, inner;
  if (k == pr_kind_function_definition || k == pr_kind_lambda) inner = 0;
  else if (k == pr_kind_class_definition) inner = around >= 0 ? 0 : -1;
  else {
    depth = around;
    inner = around >= 0 ? around + 1 : -1;
  }
  if (t->count == t->cap) {
    uint32_t cap = t->cap ? t->cap * 2 : 32;
    pr_nesting_open *open = pr_ctx_alloc(ctx, cap * sizeof *open);
    if (!open) return -1;
    if (t->count) memcpy(open, t->open, t->count * sizeof *open);
    t->open = open;
    t->cap = cap;
  }
  t->open[t->count++] = (pr_nesting_open){.end = ts_node_end_byte(node), .inner = inner};
  return depth;
}
