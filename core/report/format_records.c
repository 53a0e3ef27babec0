/* format_records.c - the chunks of the whole-run formats (review,
 * statistics): one line per finding (the layout is in reportparts.h), cached
 * like any chunk and read back by pr_records_parse when the run is joined. */
#include "reportparts.h"

#include <stdlib.h>
#include <string.h>

static void pr_records__escape(pr_buf *b, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    const char *esc = NULL;
    switch (s[i]) {
    case '\\': esc = "\\\\"; break;
    case '\t': esc = "\\t"; break;
    case '\r': esc = "\\r"; break;
    case '\n': esc = "\\n"; break;
    }
    if (!esc) continue;
    pr_buf_append(b, s + run, i - run);
    pr_buf_append(b, esc, 2);
    run = i + 1;
  }
  pr_buf_append(b, s + run, n - run);
}

void pr_report_records(pr_buf *b, const pr_reviewed_file *file) {
  for (uint32_t i = 0; i < file->review->count; i++) {
    const pr_finding *f = file->review->findings[i];
    pr_position s = pr_report_pos(file, f->start);
    pr_records__escape(b, file->path, strlen(file->path));
    pr_buf_printf(b, "\t%s\t%d\t%u\t%u\t%d\t", f->rule->code, (int)f->severity, s.line, s.column,
                  f->fix_message != NULL);
    pr_records__escape(b, f->message, strlen(f->message));
    pr_buf_lit(b, "\n");
  }
}

/* A copy of s[0..n) with the escapes undone, or NULL when out of memory. */
static char *pr_records__unescape(const char *s, size_t n) {
  char *out = malloc(n + 1), *o = out;
  if (!out) return NULL;
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '\\' || i + 1 == n) { *o++ = s[i]; continue; }
    char c = s[++i];
    *o++ = c == 't' ? '\t' : c == 'r' ? '\r' : c == 'n' ? '\n' : c;
  }
  *o = 0;
  return out;
}

static bool pr_records__number(const char *s, size_t n, uint32_t *out) {
  uint64_t v = 0;
  if (!n || n > 10) return false;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (uint64_t)(s[i] - '0');
  }
  if (v > UINT32_MAX) return false;
  *out = (uint32_t)v;
  return true;
}

static void pr_records__line(pr_records *out, const char *s, size_t n) {
  const char *field[7];
  size_t len[7], k = 0, start = 0;
  for (size_t i = 0; i <= n && k < 7; i++) {
    if (i < n && s[i] != '\t') continue;
    field[k] = s + start;
    len[k++] = i - start;
    start = i + 1;
  }
  if (k != 7 || start != n + 1) return;  /* malformed: skipped */
  const pr_rule *rule = pr_rule_lookup(field[1], len[1]);
  uint32_t sev, line, column, fixable;
  if (!rule || !pr_records__number(field[2], len[2], &sev) || sev < PR_SEV_ERROR || sev > PR_SEV_HINT ||
      !pr_records__number(field[3], len[3], &line) || !pr_records__number(field[4], len[4], &column) ||
      !pr_records__number(field[5], len[5], &fixable))
    return;
  if (out->count == out->cap) {
    size_t cap = out->cap ? out->cap * 2 : 64;
    pr_record *items = realloc(out->items, cap * sizeof *items);
    if (!items) { out->oom = true; return; }
    out->items = items;
    out->cap = cap;
  }
  pr_record r = {.rule = rule, .severity = (pr_severity)sev, .line = line, .column = column, .fixable = fixable != 0};
  r.path = pr_records__unescape(field[0], len[0]);
  r.message = pr_records__unescape(field[6], len[6]);
  if (!r.path || !r.message) {
    free(r.path);
    free(r.message);
    out->oom = true;
    return;
  }
  out->items[out->count++] = r;
}

void pr_records_parse(pr_records *out, const pr_report_chunk *chunks, size_t count) {
  for (size_t c = 0; c < count; c++) {
    if (!chunks[c].len) continue;  /* data may be NULL then */
    const char *s = chunks[c].data, *end = s + chunks[c].len;
    while (s < end) {
      const char *nl = memchr(s, '\n', (size_t)(end - s));
      size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
      pr_records__line(out, s, n);
      s += n + 1;
    }
  }
}

void pr_records_free(pr_records *records) {
  for (size_t i = 0; i < records->count; i++) {
    free(records->items[i].path);
    free(records->items[i].message);
  }
  free(records->items);
  memset(records, 0, sizeof *records);
}
