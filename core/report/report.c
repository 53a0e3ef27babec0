/* report.c - the entry point: picks a format's renderer for a file, and joins
 * the files' chunks into the report; see report.h. */
#include "report.h"

#include "document.h"
#include "reportparts.h"

#include <string.h>

static const char *const pr_format_names[] = {
  [PR_FORMAT_TEXT] = "text",     [PR_FORMAT_JSON] = "json",     [PR_FORMAT_SARIF] = "sarif",
  [PR_FORMAT_GITHUB] = "github", [PR_FORMAT_REVIEW] = "review", [PR_FORMAT_STATISTICS] = "statistics",
};

bool pr_report_format_parse(const char *name, pr_report_format *out) {
  for (int f = PR_FORMAT_TEXT; f <= PR_FORMAT_REVIEW; f++)
    if (!strcmp(name, pr_format_names[f])) {
      *out = (pr_report_format)f;
      return true;
    }
  return false;
}

const char *pr_report_format_name(pr_report_format format) {
  return format <= PR_FORMAT_STATISTICS ? pr_format_names[format] : "?";
}

pr_position pr_report_pos(const pr_reviewed_file *file, uint32_t byte) {
  pr_position p = pr_text_position_near(file->text, file->len, file->lines, byte, PR_UNIT_UTF32, file->memo);
  p.line++;
  p.column++;
  return p;
}

size_t pr_report_message_len(const char *message) {
  size_t n = strlen(message);
  /* " [CWE-" digits "]" at the very end */
  if (n < 8 || message[n - 1] != ']') return n;
  size_t i = n - 1;
  while (i > 0 && message[i - 1] >= '0' && message[i - 1] <= '9') i--;
  if (i == n - 1 || i < 6 || memcmp(message + i - 6, " [CWE-", 6)) return n;
  return i - 6;
}

void pr_report_file(pr_buf *b, const pr_report_options *options, const pr_reviewed_file *file) {
  bool first = true;
  switch (options->format) {
  case PR_FORMAT_TEXT:
    if (options->terminal) pr_report_text_terminal(b, file);
    else pr_report_text(b, file);
    break;
  case PR_FORMAT_JSON: pr_report_json(b, file, &first); break;
  case PR_FORMAT_SARIF: pr_report_sarif(b, file); break;
  case PR_FORMAT_GITHUB: pr_report_github(b, file); break;
  case PR_FORMAT_REVIEW:
  case PR_FORMAT_STATISTICS: pr_report_records(b, file); break;
  }
}

void pr_report_document(pr_buf *b, const pr_report_options *options, const pr_report_chunk *chunks,
                        size_t count) {
  switch (options->format) {
  case PR_FORMAT_TEXT:
  case PR_FORMAT_GITHUB:
    for (size_t i = 0; i < count; i++) pr_buf_append(b, chunks[i].data, chunks[i].len);
    return;
  case PR_FORMAT_JSON: {
    /* each file's objects are comma-separated among themselves; files are joined here */
    bool first = true;
    pr_buf_lit(b, "[");
    for (size_t i = 0; i < count; i++) {
      if (!chunks[i].len) continue;
      if (!first) pr_buf_lit(b, ",");
      pr_buf_append(b, chunks[i].data, chunks[i].len);
      first = false;
    }
    pr_buf_append(b, first ? "]\n" : "\n]\n", first ? 2 : 3);
    return;
  }
  case PR_FORMAT_SARIF: pr_report_sarif_document(b, options, chunks, count); return;
  case PR_FORMAT_REVIEW:
  case PR_FORMAT_STATISTICS: {
    pr_records records = {0};
    pr_records_parse(&records, chunks, count);
    if (records.oom) b->oom = true;
    else if (options->format == PR_FORMAT_REVIEW) pr_report_review_document(b, &records);
    else pr_report_statistics_document(b, &records);
    pr_records_free(&records);
    return;
  }
  }
}
