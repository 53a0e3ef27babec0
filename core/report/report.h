/* report.h - findings rendered for people and programs (catalog: Reports).
 *
 * One file per format (format_*.c); this header is the common part and the
 * single entry point the CLI uses. A run is rendered in two steps so that
 * files can be reviewed in parallel and the output still never depends on
 * the order they finish in:
 *   1. pr_report_file renders one file into a chunk (in any thread; the
 *      result cache stores chunks as they are);
 *   2. pr_report_document joins the chunks, in path order, into the report:
 *      it adds a format's document wrapper (the JSON array, the SARIF log)
 *      and builds what needs the whole run (the review's grouping by
 *      category, --statistics' counts) from the chunks.
 * Formats that need the whole run render records (one line per finding,
 * format_records.c) in step 1 and read them back in step 2.
 *
 * Reporters append to a pr_buf; core never prints, the CLI writes the buffer.
 * Positions are 1-based lines and columns counted in Unicode code points (a tab
 * is one column, a BOM none, bytes that did not decode one each).
 *
 * Ownership: a pr_buf owns `data`; pr_buf_free releases it. Everything else
 * passed in is borrowed for the call. */
#ifndef PR_REPORT_H
#define PR_REPORT_H

#include "engine.h"
#include "document.h"
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
  const pr_review *review;     /* the findings to report (the baseline's already taken out) */
  pr_position_memo *memo;      /* NULL, or the caller's zeroed memo: pr_report_pos's columns of a long line */
} pr_reviewed_file;

typedef enum pr_report_format {
  PR_FORMAT_TEXT,        /* path:line:col: CODE message */
  PR_FORMAT_JSON,        /* an array of finding objects */
  PR_FORMAT_SARIF,       /* a SARIF 2.1.0 log */
  PR_FORMAT_GITHUB,      /* GitHub Actions workflow commands */
  PR_FORMAT_REVIEW,      /* a Markdown review (whole run) */
  PR_FORMAT_STATISTICS,  /* counts per code, as Ruff's --statistics (whole run) */
} pr_report_format;

typedef struct pr_report_options {
  pr_report_format format;
  /* text: for a terminal: each finding's source line with a caret run under
   * its range, and ANSI colours */
  bool terminal;
  const char *version;         /* sarif: the tool's version */
} pr_report_options;

/* The format named `name` ("text", "json", "sarif", "github", "review"; the
 * statistics are a flag, not a name). False when unknown. */
bool pr_report_format_parse(const char *name, pr_report_format *out);
/* The format's name, for cache keys. */
const char *pr_report_format_name(pr_report_format format);

/* Step 1: appends one file's chunk. */
void pr_report_file(pr_buf *b, const pr_report_options *options, const pr_reviewed_file *file);

typedef struct pr_report_chunk {
  const char *data;
  size_t len;
} pr_report_chunk;

/* Step 2: appends the whole report made of the files' chunks, in path order. */
void pr_report_document(pr_buf *b, const pr_report_options *options, const pr_report_chunk *chunks,
                        size_t count);

const char *pr_severity_name(pr_severity s);

/* The per-format renderers of one file (pr_report_file dispatches to them). */
/* `path:line:col: CODE message` lines, one per finding (with `terminal`, the
 * source line and a caret run under each). */
void pr_report_text(pr_buf *b, const pr_reviewed_file *file);
void pr_report_text_terminal(pr_buf *b, const pr_reviewed_file *file);
/* One JSON object per finding, comma-separated; *first tracks whether a comma is due. */
void pr_report_json(pr_buf *b, const pr_reviewed_file *file, bool *first);
/* SARIF result objects, comma-separated, each preceded by ",\n" except the first. */
void pr_report_sarif(pr_buf *b, const pr_reviewed_file *file);
void pr_report_github(pr_buf *b, const pr_reviewed_file *file);
/* The records the whole-run formats are built from (format_records.c). */
void pr_report_records(pr_buf *b, const pr_reviewed_file *file);

#endif
