/* format_statistics.c - `check --statistics`: how many findings each rule
 * has, as Ruff prints them: `COUNT\tCODE\tNAME` with the count right-aligned
 * and the code padded to the widest, most frequent first (then by code); when
 * some rule has a fix, `[*] ` marks the rules with one and `[ ] ` the others. */
#include "reportparts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pr_stat {
  const pr_rule *rule;
  uint32_t count;
  bool fixable;
} pr_stat;

static int pr_stat__cmp(const void *a, const void *b) {
  const pr_stat *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return strcmp(x->rule->code, y->rule->code);
}

void pr_report_statistics_document(pr_buf *b, const pr_records *records) {
  pr_stat stats[PR_MAX_RULES];
  size_t n = 0;
  for (size_t i = 0; i < records->count; i++) {
    const pr_record *r = &records->items[i];
    size_t k = 0;
    while (k < n && stats[k].rule != r->rule) k++;
    if (k == n) {
      if (n == PR_MAX_RULES) continue;
      stats[n++] = (pr_stat){r->rule, 0, false};
    }
    stats[k].count++;
    stats[k].fixable |= r->fixable;
  }
  qsort(stats, n, sizeof *stats, pr_stat__cmp);
  int count_width = 1, code_width = 1;
  bool any_fixable = false;
  for (size_t k = 0; k < n; k++) {
    char digits[16];
    int w = snprintf(digits, sizeof digits, "%u", stats[k].count);
    if (w > count_width) count_width = w;
    int c = (int)strlen(stats[k].rule->code);
    if (c > code_width) code_width = c;
    any_fixable |= stats[k].fixable;
  }
  for (size_t k = 0; k < n; k++)
    pr_buf_printf(b, "%*u\t%-*s\t%s%s\n", count_width, stats[k].count, code_width, stats[k].rule->code,
                  !any_fixable ? "" : stats[k].fixable ? "[*] " : "[ ] ", stats[k].rule->name);
}
