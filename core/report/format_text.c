/* format_text.c - `--format text`: `path:line:col: CODE message` per finding.
 *
 * On a terminal (the CLI decides: stdout is a TTY, NO_COLOR unset) each
 * finding is followed by its source line and a caret run under its range
 * (to the end of that line when the range goes on), in ANSI colours:
 *
 *   proj/jobs.py:9:5: ERR002 `except Exception` discards it; ...
 *      9 |     except Exception:
 *        |     ^~~~~~~~~~~~~~~~
 *   (a blank line)
 *
 * The caret stays under the range whatever precedes it: tabs are expanded to
 * the next multiple of 4, a character takes the cells wcwidth() gives it in
 * the caller's locale (CJK and emoji two, combining marks none), and control
 * characters (bidirectional ones included: printing them would reorder the
 * terminal's line, SEC022's very point) are shown as U+FFFD. */
#define _GNU_SOURCE
#include "reportparts.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#define PR_TAB_STOP 4

static const char pr_ansi_reset[] = "\x1b[0m", pr_ansi_bold[] = "\x1b[1m", pr_ansi_gutter[] = "\x1b[1;34m";

static const char *pr_text__colour(pr_severity s) {
  switch (s) {
  case PR_SEV_ERROR: return "\x1b[1;31m";
  case PR_SEV_WARNING: return "\x1b[1;33m";
  case PR_SEV_INFORMATION: return "\x1b[1;36m";
  case PR_SEV_HINT: return "\x1b[1;32m";
  }
  return pr_ansi_bold;
}

void pr_report_text(pr_buf *b, const pr_reviewed_file *file) {
  for (uint32_t i = 0; i < file->review->count; i++) {
    const pr_finding *f = file->review->findings[i];
    pr_position p = pr_report_pos(file, f->start);
    pr_buf_printf(b, "%s:%u:%u: %s %s\n", file->path, p.line, p.column, f->rule->code, f->message);
  }
}

/* Decodes the code point at s[*i] (< n) and advances *i; a byte that does not
 * start a valid sequence (overlong forms, surrogates and values past U+10FFFF
 * included) is U+FFFD and one byte. */
static uint32_t pr_text__next(const char *s, uint32_t n, uint32_t *i) {
  const unsigned char *u = (const unsigned char *)s;
  uint32_t c = u[*i], len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (!len || *i + len > n) { (*i)++; return 0xFFFD; }
  if (len == 1) { (*i)++; return c; }
  uint32_t cp = c & (0x7Fu >> len);
  for (uint32_t k = 1; k < len; k++) {
    if ((u[*i + k] & 0xC0) != 0x80) { (*i)++; return 0xFFFD; }
    cp = (cp << 6) | (u[*i + k] & 0x3F);
  }
  static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) { (*i)++; return 0xFFFD; }
  *i += len;
  return cp;
}

static bool pr_text__hidden(uint32_t cp) {
  return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0xFEFF;
}

/* Cells the code point takes at display column `col`. */
static int pr_text__width(uint32_t cp, int col) {
  if (cp == '\t') return PR_TAB_STOP - col % PR_TAB_STOP;
  if (pr_text__hidden(cp)) return 1;
  int w = wcwidth((wchar_t)cp);
  return w < 0 ? 1 : w;
}

/* Appends the code point as shown (tabs expanded, hidden ones and bytes that
 * did not decode as U+FFFD). */
static void pr_text__show(pr_buf *b, const char *s, uint32_t from, uint32_t to, uint32_t cp, int width) {
  if (cp == '\t') {
    for (int k = 0; k < width; k++) pr_buf_lit(b, " ");
  } else if (pr_text__hidden(cp) || cp == 0xFFFD) {
    pr_buf_lit(b, "\xef\xbf\xbd");
  } else {
    pr_buf_append(b, s + from, to - from);
  }
}

void pr_report_text_terminal(pr_buf *b, const pr_reviewed_file *file) {
  for (uint32_t i = 0; i < file->review->count; i++) {
    const pr_finding *f = file->review->findings[i];
    pr_position p = pr_report_pos(file, f->start);
    const char *colour = pr_text__colour(f->severity);
    pr_buf_printf(b, "%s%s%s:%u:%u: %s%s%s %s\n", pr_ansi_bold, file->path, pr_ansi_reset, p.line, p.column, colour,
                  f->rule->code, pr_ansi_reset, f->message);
    uint32_t row = pr_line_index_row(file->lines, f->start);
    uint32_t from = file->lines->starts[row];
    uint32_t to = pr_line_index_row_end(file->lines, file->text, file->len, row);
    if (row == 0 && to - from >= 3 && !memcmp(file->text + from, "\xef\xbb\xbf", 3)) from += 3;
    uint32_t start = f->start < from ? from : f->start > to ? to : f->start;
    uint32_t end = f->end > to ? to : f->end < start ? start : f->end;
    char number[16];
    int digits = snprintf(number, sizeof number, "%u", p.line);
    /* the source line, and the caret line built beside it */
    pr_buf line = {0}, marks = {0};
    int col = 0;
    bool caret = false;
    for (uint32_t k = from; k < to;) {
      uint32_t at = k, cp = pr_text__next(file->text, to, &k);
      int w = pr_text__width(cp, col);
      pr_text__show(&line, file->text, at, k, cp, w);
      bool in = at >= start && at < end;
      for (int c = 0; c < w; c++) pr_buf_append(&marks, !in ? " " : !caret && !c ? "^" : "~", 1);
      caret |= in && w > 0;
      col += w;
    }
    if (!caret) {
      /* an empty range, or one at the end of the line: a caret where it starts */
      marks.len = 0;
      int before = 0;
      for (uint32_t k = from; k < start;) {
        uint32_t cp = pr_text__next(file->text, start, &k);
        before += pr_text__width(cp, before);
      }
      for (int c = 0; c < before; c++) pr_buf_append(&marks, " ", 1);
      pr_buf_append(&marks, "^", 1);
    }
    /* no trailing blanks after the carets */
    while (marks.len && marks.data[marks.len - 1] == ' ') marks.len--;
    pr_buf_printf(b, "%s%*s |%s %.*s\n", pr_ansi_gutter, digits, number, pr_ansi_reset, (int)line.len,
                  line.len ? line.data : "");
    pr_buf_printf(b, "%s%*s |%s %s%.*s%s\n\n", pr_ansi_gutter, digits, "", pr_ansi_reset, colour, (int)marks.len,
                  marks.len ? marks.data : "", pr_ansi_reset);
    if (line.oom || marks.oom) b->oom = true;
    pr_buf_free(&line);
    pr_buf_free(&marks);
  }
}
