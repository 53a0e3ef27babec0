/* report.c - text and JSON reports; see report.h. */
#include "report.h"

#include "document.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pr_buf_append(pr_buf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + n + 1) cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) { b->oom = true; return; }
    b->data = d;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}

void pr_buf_printf(pr_buf *b, const char *fmt, ...) {
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof small) { pr_buf_append(b, small, (size_t)n); return; }
  char *big = malloc((size_t)n + 1);
  if (!big) { b->oom = true; return; }
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  pr_buf_append(b, big, (size_t)n);
  free(big);
}

void pr_buf_json_string(pr_buf *b, const char *s, size_t n) {
  pr_buf_append(b, "\"", 1);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    pr_buf_append(b, s + run, i - run);
    run = i + 1;
    char esc[8];
    switch (c) {
    case '"': pr_buf_append(b, "\\\"", 2); break;
    case '\\': pr_buf_append(b, "\\\\", 2); break;
    case '\n': pr_buf_append(b, "\\n", 2); break;
    case '\r': pr_buf_append(b, "\\r", 2); break;
    case '\t': pr_buf_append(b, "\\t", 2); break;
    default:
      snprintf(esc, sizeof esc, "\\u%04x", c);
      pr_buf_append(b, esc, 6);
    }
  }
  pr_buf_append(b, s + run, n - run);
  pr_buf_append(b, "\"", 1);
}

void pr_buf_free(pr_buf *b) {
  free(b->data);
  memset(b, 0, sizeof *b);
}

const char *pr_severity_name(pr_severity s) {
  switch (s) {
  case PR_SEV_ERROR: return "error";
  case PR_SEV_WARNING: return "warning";
  case PR_SEV_INFORMATION: return "information";
  case PR_SEV_HINT: return "hint";
  }
  return "warning";
}

static pr_position pr_report__pos(const pr_reviewed_file *file, uint32_t byte) {
  pr_position p = pr_text_position(file->text, file->len, file->lines, byte, PR_UNIT_UTF32);
  p.line++;
  p.column++;
  return p;
}

void pr_report_text(pr_buf *b, const pr_reviewed_file *file) {
  for (uint32_t i = 0; i < file->review->count; i++) {
    const pr_finding *f = file->review->findings[i];
    pr_position p = pr_report__pos(file, f->start);
    pr_buf_printf(b, "%s:%u:%u: %s %s\n", file->path, p.line, p.column, f->rule->code, f->message);
  }
}

void pr_report_json(pr_buf *b, const pr_reviewed_file *file, bool *first) {
  for (uint32_t i = 0; i < file->review->count; i++) {
    const pr_finding *f = file->review->findings[i];
    pr_position s = pr_report__pos(file, f->start), e = pr_report__pos(file, f->end);
    pr_buf_append(b, *first ? "\n  {" : ",\n  {", *first ? 4 : 5);
    *first = false;
    pr_buf_append(b, "\"path\": ", 8);
    pr_buf_json_string(b, file->path, strlen(file->path));
    pr_buf_printf(b, ", \"code\": \"%s\", \"name\": \"%s\", \"category\": \"%s\", \"severity\": \"%s\", ",
                  f->rule->code, f->rule->name, f->rule->category, pr_severity_name(f->severity));
    if (f->rule->cwe) pr_buf_printf(b, "\"cwe\": %d, ", f->rule->cwe);
    else pr_buf_append(b, "\"cwe\": null, ", 13);
    pr_buf_append(b, "\"message\": ", 11);
    pr_buf_json_string(b, f->message, strlen(f->message));
    pr_buf_printf(b, ", \"start\": {\"line\": %u, \"column\": %u}, \"end\": {\"line\": %u, \"column\": %u}, ",
                  s.line, s.column, e.line, e.column);
    if (!f->fix_message) {
      pr_buf_append(b, "\"fix\": null}", 12);
      continue;
    }
    pr_buf_append(b, "\"fix\": {\"message\": ", sizeof "\"fix\": {\"message\": " - 1);
    pr_buf_json_string(b, f->fix_message, strlen(f->fix_message));
    pr_buf_append(b, ", \"edits\": [", 12);
    for (uint32_t j = 0; j < f->edit_count; j++) {
      pr_position es = pr_report__pos(file, f->edits[j].start), ee = pr_report__pos(file, f->edits[j].end);
      pr_buf_printf(b, "%s{\"start\": {\"line\": %u, \"column\": %u}, \"end\": {\"line\": %u, \"column\": %u}, \"text\": ",
                    j ? ", " : "", es.line, es.column, ee.line, ee.column);
      pr_buf_json_string(b, f->edits[j].text, strlen(f->edits[j].text));
      pr_buf_append(b, "}", 1);
    }
    pr_buf_append(b, "]}}", 3);
  }
}
