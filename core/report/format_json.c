/* format_json.c - `--format json`: one object per finding with the catalog's
 * fields; report.c wraps the files' objects in one array. */
#include "reportparts.h"

#include <string.h>

void pr_report_json(pr_buf *b, const pr_reviewed_file *file, bool *first) {
  for (uint32_t i = 0; i < file->review->count; i++) {
    const pr_finding *f = file->review->findings[i];
    pr_position s = pr_report_pos(file, f->start), e = pr_report_pos(file, f->end);
    pr_buf_append(b, *first ? "\n  {" : ",\n  {", *first ? 4 : 5);
    *first = false;
    pr_buf_lit(b, "\"path\": ");
    pr_buf_json_string(b, file->path, strlen(file->path));
    pr_buf_printf(b, ", \"code\": \"%s\", \"name\": \"%s\", \"category\": \"%s\", \"severity\": \"%s\", ",
                  f->rule->code, f->rule->name, f->rule->category, pr_severity_name(f->severity));
    if (f->rule->cwe) pr_buf_printf(b, "\"cwe\": %d, ", f->rule->cwe);
    else pr_buf_lit(b, "\"cwe\": null, ");
    pr_buf_lit(b, "\"message\": ");
    pr_buf_json_string(b, f->message, strlen(f->message));
    pr_buf_printf(b, ", \"start\": {\"line\": %u, \"column\": %u}, \"end\": {\"line\": %u, \"column\": %u}, ",
                  s.line, s.column, e.line, e.column);
    if (!f->fix_message) {
      pr_buf_lit(b, "\"fix\": null}");
      continue;
    }
    pr_buf_lit(b, "\"fix\": {\"message\": ");
    pr_buf_json_string(b, f->fix_message, strlen(f->fix_message));
    pr_buf_lit(b, ", \"edits\": [");
    for (uint32_t j = 0; j < f->edit_count; j++) {
      pr_position es = pr_report_pos(file, f->edits[j].start), ee = pr_report_pos(file, f->edits[j].end);
      pr_buf_printf(b, "%s{\"start\": {\"line\": %u, \"column\": %u}, \"end\": {\"line\": %u, \"column\": %u}, \"text\": ",
                    j ? ", " : "", es.line, es.column, ee.line, ee.column);
      pr_buf_json_string(b, f->edits[j].text, strlen(f->edits[j].text));
      pr_buf_lit(b, "}");
    }
    pr_buf_lit(b, "]}}");
  }
}
