/* reportparts.h - what the format files of core/report share; not for callers
 * outside core/report (they use report.h).
 *
 * Records are the whole-run formats' chunks: one line per finding,
 *   PATH \t CODE \t SEVERITY \t LINE \t COLUMN \t FIXABLE \t MESSAGE \n
 * with `\`, tab, CR and LF inside PATH and MESSAGE written as `\\`, `\t`,
 * `\r`, `\n`. pr_records_parse reads the chunks back.
 *
 * Ownership: a pr_records owns every string of its items (pr_records_free). */
#ifndef PR_REPORTPARTS_H
#define PR_REPORTPARTS_H

#include "position.h"
#include "report.h"

/* Appends a string literal (only a literal compiles: sizeof of a pointer
 * would append 8 bytes of whatever it points to). */
#define pr_buf_lit(b, s) pr_buf_append((b), "" s, sizeof(s) - 1)

/* The 1-based position (code points) of a byte of the file. */
pr_position pr_report_pos(const pr_reviewed_file *file, uint32_t byte);
/* The message without its " [CWE-n]" suffix: the length to print. */
size_t pr_report_message_len(const char *message);

typedef struct pr_record {
  char *path;
  const pr_rule *rule;
  pr_severity severity;
  uint32_t line, column;
  bool fixable;
  char *message;
} pr_record;

typedef struct pr_records {
  pr_record *items;
  size_t count, cap;
  bool oom;         /* a record could not be kept; the list is incomplete */
} pr_records;

/* Appends the records of the chunks, in order; a malformed line (a cache
 * written by hand) is skipped. */
void pr_records_parse(pr_records *out, const pr_report_chunk *chunks, size_t count);
void pr_records_free(pr_records *records);

void pr_report_review_document(pr_buf *b, const pr_records *records);
void pr_report_statistics_document(pr_buf *b, const pr_records *records);
void pr_report_sarif_document(pr_buf *b, const pr_report_options *options, const pr_report_chunk *chunks,
                              size_t count);

#endif
