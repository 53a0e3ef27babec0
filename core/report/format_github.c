/* format_github.c - `--format github`: GitHub Actions workflow commands, one
 * per finding, which the runner turns into annotations on the pull request:
 *   ::warning file=P,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message
 * `::error` for severity error, `::warning` for warning, `::notice` for
 * information and hint. Escaping follows the runner's parser: `%`, CR and LF
 * everywhere, and also `:` and `,` inside properties. */
#include "reportparts.h"

#include <string.h>

static void pr_github__escape(pr_buf *b, const char *s, size_t n, bool property) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    const char *esc = NULL;
    switch (s[i]) {
    case '%': esc = "%25"; break;
    case '\r': esc = "%0D"; break;
    case '\n': esc = "%0A"; break;
    case ':': esc = property ? "%3A" : NULL; break;
    case ',': esc = property ? "%2C" : NULL; break;
    }
    if (!esc) continue;
    pr_buf_append(b, s + run, i - run);
    pr_buf_append(b, esc, 3);
    run = i + 1;
  }
  pr_buf_append(b, s + run, n - run);
}

void pr_report_github(pr_buf *b, const pr_reviewed_file *file) {
  for (uint32_t i = 0; i < file->review->count; i++) {
    const pr_finding *f = file->review->findings[i];
    pr_position s = pr_report_pos(file, f->start), e = pr_report_pos(file, f->end);
    const char *cmd = f->severity == PR_SEV_ERROR ? "error" : f->severity == PR_SEV_WARNING ? "warning" : "notice";
    pr_buf_printf(b, "::%s file=", cmd);
    pr_github__escape(b, file->path, strlen(file->path), true);
    pr_buf_printf(b, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=", s.line, s.column, e.line, e.column);
    pr_github__escape(b, f->rule->code, strlen(f->rule->code), true);
    pr_buf_lit(b, "::");
    pr_github__escape(b, f->message, strlen(f->message), false);
    pr_buf_lit(b, "\n");
  }
}
