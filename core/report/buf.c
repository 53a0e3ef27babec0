/* buf.c - the growing output buffer every reporter appends to, and the
 * severity names they share; see report.h. */
#include "report.h"

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
  if (n) memcpy(b->data + b->len, s, n);  /* s may be NULL when n is 0 (an empty chunk) */
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
