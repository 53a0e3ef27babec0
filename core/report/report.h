/* report.h - findings rendered for people and programs (catalog: Reports).
 *
 * Reporters append to a pr_buf; core never prints, the CLI writes the buffer.
 * Positions are 1-based lines and columns counted in Unicode code points (a tab
 * is one column, a BOM none, bytes that did not decode one each).
 *
 * Ownership: a pr_buf owns `data`; pr_buf_free releases it. */
#ifndef PR_REPORT_H
#define PR_REPORT_H

#include "engine.h"
#include "text.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct pr_buf {
  char *data;   /* NUL-terminated when len > 0 */
  size_t len, cap;
  bool oom;     /* an append failed; the contents are incomplete */
} pr_buf;

void pr_buf_append(pr_buf *b, const char *s, size_t n);
void pr_buf_printf(pr_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s[0..n) as a JSON string literal, quotes included. */
void pr_buf_json_string(pr_buf *b, const char *s, size_t n);
void pr_buf_free(pr_buf *b);

/* One reviewed file as the reporters see it. */
typedef struct pr_reviewed_file {
  const char *path;            /* as displayed */
  const char *text;            /* the analysed text */
  uint32_t len;
  const pr_line_index *lines;  /* index of text */
  const pr_review *review;
} pr_reviewed_file;

const char *pr_severity_name(pr_severity s);

/* `path:line:col: CODE message` lines, one per finding. */
void pr_report_text(pr_buf *b, const pr_reviewed_file *file);
/* One JSON object per finding, comma-separated; *first tracks whether a comma is due. */
void pr_report_json(pr_buf *b, const pr_reviewed_file *file, bool *first);

#endif
