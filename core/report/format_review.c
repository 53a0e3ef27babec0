/* format_review.c - `--format review`: a Markdown review in the shape of a
 * human reviewer's (catalog: Reports), built only from the findings, so it
 * never says more than they do and the same findings give the same bytes:
 *
 *   No security defects are detected in the code.      (or)
 *   Security defects:
 *   1. CWE-89 sql-injection — db.py:45 — <message: what and the fix>
 *
 *   Suggestions for improvement:
 *   1. Exceptions:
 *      - `service.py` line 64 (ERR002 swallowed-exception): <message>
 *      - `utils.py` lines 18, 20 (NAM001 inconsistent-naming, 3 findings): <summary>
 *        - line 18: <message>  ...
 *
 * Security findings are numbered in path and position order; the others are
 * grouped by category in the catalog's order, then one item per rule and
 * file, in the order they first appear. */
#include "reportparts.h"

#include <stdlib.h>
#include <string.h>

/* The catalog's order; a category not listed here follows them in the order met. */
static const char *const pr_review_categories[] = {
  "Exceptions", "Tests", "Naming", "Documentation", "Type hints", "Complexity", "Dead code", "Duplication", "Style",
};
#define PR_REVIEW_KNOWN (sizeof pr_review_categories / sizeof *pr_review_categories)
#define PR_REVIEW_MAX_CATEGORIES (PR_REVIEW_KNOWN + PR_MAX_RULES)

static bool pr_review__security(const pr_rule *rule) {
  return !strcmp(rule->category, "Security");
}

/* Appends the message as a sentence: its " [CWE-n]" as " (CWE-n)", then a
 * full stop unless it ends one already. */
static void pr_review__sentence(pr_buf *b, const char *message, size_t n) {
  size_t text = pr_report_message_len(message);
  if (text > n) text = n;
  pr_buf_append(b, message, text);
  if (text < n) {
    pr_buf_lit(b, " (");
    pr_buf_append(b, message + text + 2, n - text - 3);
    pr_buf_lit(b, ").");
  } else if (!n || !strchr(".!?", message[n - 1])) {
    pr_buf_lit(b, ".");
  }
}

/* The lines of group records (same rule and path as items[first]), distinct, in order. */
static void pr_review__lines(pr_buf *b, const pr_records *records, size_t first, const bool *same) {
  uint32_t last = 0;
  bool any = false;
  for (size_t i = first; i < records->count; i++) {
    if (!same[i] || (any && records->items[i].line == last)) continue;
    pr_buf_printf(b, "%s%u", any ? ", " : "", records->items[i].line);
    last = records->items[i].line;
    any = true;
  }
}

static void pr_review__group(pr_buf *b, const pr_records *records, size_t first, bool *done) {
  const pr_record *head = &records->items[first];
  bool *same = calloc(records->count, sizeof *same);
  if (!same) { b->oom = true; return; }
  size_t n = 0;
  uint32_t lines = 0, last = 0;
  for (size_t i = first; i < records->count; i++) {
    const pr_record *r = &records->items[i];
    if (r->rule != head->rule || strcmp(r->path, head->path)) continue;
    same[i] = done[i] = true;
    if (!n++ || r->line != last) lines++;
    last = r->line;
  }
  pr_buf_printf(b, "   - `%s` line%s ", head->path, lines == 1 ? "" : "s");
  pr_review__lines(b, records, first, same);
  pr_buf_printf(b, " (%s %s", head->rule->code, head->rule->name);
  if (n == 1) {
    pr_buf_lit(b, "): ");
    pr_review__sentence(b, head->message, strlen(head->message));
    pr_buf_lit(b, "\n");
  } else {
    pr_buf_printf(b, ", %zu findings): ", n);
    pr_review__sentence(b, head->rule->summary, strlen(head->rule->summary));
    pr_buf_lit(b, "\n");
    for (size_t i = first; i < records->count; i++) {
      if (!same[i]) continue;
      pr_buf_printf(b, "     - line %u: ", records->items[i].line);
      pr_review__sentence(b, records->items[i].message, strlen(records->items[i].message));
      pr_buf_lit(b, "\n");
    }
  }
  free(same);
}

void pr_report_review_document(pr_buf *b, const pr_records *records) {
  size_t security = 0, others = 0, files = 0;
  for (size_t i = 0; i < records->count; i++) {
    if (pr_review__security(records->items[i].rule)) security++;
    else others++;
    if (!i || strcmp(records->items[i].path, records->items[i - 1].path)) files++;
  }
  if (!security) {
    pr_buf_lit(b, "No security defects are detected in the code.\n");
  } else {
    pr_buf_lit(b, "Security defects:\n\n");
    size_t k = 0;
    for (size_t i = 0; i < records->count; i++) {
      const pr_record *r = &records->items[i];
      if (!pr_review__security(r->rule)) continue;
      pr_buf_printf(b, "%zu. CWE-%d %s — %s:%u — ", ++k, r->rule->cwe, r->rule->name, r->path, r->line);
      pr_review__sentence(b, r->message, pr_report_message_len(r->message));
      pr_buf_lit(b, "\n");
    }
  }
  if (!others) {
    pr_buf_lit(b, "\nNo suggestions for improvement: no other rule found anything to change.\n");
  } else {
    pr_buf_lit(b, "\nSuggestions for improvement:\n\n");
    /* categories in the catalog's order, then the others in the order met */
    const char *categories[PR_REVIEW_MAX_CATEGORIES];
    size_t ncat = 0;
    for (size_t c = 0; c < PR_REVIEW_KNOWN; c++) categories[ncat++] = pr_review_categories[c];
    for (size_t i = 0; i < records->count; i++) {
      const char *cat = records->items[i].rule->category;
      size_t c = 0;
      while (c < ncat && strcmp(categories[c], cat)) c++;
      if (c == ncat && ncat < PR_REVIEW_MAX_CATEGORIES && !pr_review__security(records->items[i].rule))
        categories[ncat++] = cat;
    }
    bool *done = calloc(records->count, sizeof *done);
    if (!done) { b->oom = true; return; }
    size_t k = 0;
    for (size_t c = 0; c < ncat; c++) {
      bool heading = false;
      for (size_t i = 0; i < records->count; i++) {
        const pr_record *r = &records->items[i];
        if (done[i] || pr_review__security(r->rule) || strcmp(r->rule->category, categories[c])) continue;
        if (!heading) pr_buf_printf(b, "%zu. %s:\n", ++k, categories[c]);
        heading = true;
        pr_review__group(b, records, i, done);
      }
    }
    free(done);
  }
  if (records->count)
    pr_buf_printf(b, "\nIn summary: %zu security defect%s and %zu other finding%s in %zu file%s.\n", security,
                  security == 1 ? "" : "s", others, others == 1 ? "" : "s", files, files == 1 ? "" : "s");
}
