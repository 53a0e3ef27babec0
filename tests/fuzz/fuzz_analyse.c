/* fuzz_analyse.c - libFuzzer target: arbitrary bytes as a Python file through
 * pr_parse, pr_review_file with every rule enabled, and both reporters.
 *
 * Byte 0 chooses how the rest is read: bit 0 decodes it as `check` does
 * (pr_source_decode: BOM, PEP 263 codings, U+FFFD) instead of taking the
 * bytes as they are (as the server does with a document's text); bit 1 makes
 * it a test file (tests/test_fuzz.py), which turns on the test rules. When
 * its high nibble is 0xF the input is a recipe for a big file instead:
 *   [flags][P][N: 3 bytes, big-endian][U][prefix: P bytes][unit: U bytes][suffix]
 * is prefix + unit * N + suffix, capped at PR_FUZZ_BIG_MAX (16 KiB), or at
 * PR_FUZZ_HUGE_MAX (256 KiB) when flags bits 2 and 3 are both set; so a 14-byte
 * input reaches 'x = ' + '(' * 70000 (a past crash in tree-sitter's runtime),
 * while most recipes stay cheap.
 *
 * tree-sitter's error recovery is super-linear on some broken inputs
 * (':\n' * 32768 takes 2.5 s to parse in a release build, twice as many 10 s,
 * and an ASan build is slower still): a parse that exceeds
 * PR_FUZZ_PARSE_BUDGET_US is abandoned and the input skipped, so that such
 * inputs, which are tree-sitter's and reported, do not stall the fuzzer as
 * timeouts. (tree-sitter looks at the clock between operations only, so a
 * parse may overrun the budget by a few seconds.)
 *
 * Checked: findings are sorted, lie inside the text, and have one-line,
 * valid UTF-8 messages; the JSON report parses (jansson), has one object per
 * finding and carries every message intact; the text report is valid UTF-8
 * with one line per finding. The other formats: the SARIF log parses with one
 * result per finding and every message intact, github has one line per
 * finding, the terminal text, the review and the statistics are valid UTF-8,
 * the records read back as the findings; and a baseline written from the
 * findings, parsed back, accepts every one of them. The SARIF log's rule
 * metadata, the same for every input, is parsed once at start-up; each
 * input's log must repeat it byte for byte and its results are parsed
 * (pr_fuzz_sarif_frame says why that is the same check). */
#include "baseline.h"
#include "engine.h"
#include "parse.h"
#include "report.h"
#include "reportparts.h"
#include "source.h"
#include "syntax.h"
#include "text.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"

#define PR_FUZZ_BIG_MAX ((size_t)16 * 1024)
#define PR_FUZZ_HUGE_MAX ((size_t)256 * 1024)
#define PR_FUZZ_PARSE_BUDGET_US ((uint64_t)1000 * 1000)

/* Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF),
 * written apart from core/position.c so that it does not share its bugs. */
static bool pr_fuzz_utf8_valid(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    size_t len;
    uint32_t cp;
    if (c < 0x80) { i++; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (n - i < len) return false;
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

/* The file's bytes: the input after byte 0, or what its recipe builds. */
static uint8_t *pr_fuzz_file(const uint8_t *data, size_t size, size_t *out_len) {
  uint8_t flags = data[0];
  if ((flags & 0xF0) != 0xF0 || size < 6) {
    uint8_t *copy = malloc(size);  /* its own allocation: ASan sees reads past the end */
    PR_FUZZ_CHECK(copy);
    memcpy(copy, data + 1, size - 1);
    *out_len = size - 1;
    return copy;
  }
  size_t p = data[1], n = ((size_t)data[2] << 16) | ((size_t)data[3] << 8) | data[4], u = data[5];
  const uint8_t *rest = data + 6;
  size_t avail = size - 6;
  if (p > avail) p = avail;
  if (u > avail - p) u = avail - p;
  if (u == 0) n = 0;
  const uint8_t *prefix = rest, *unit = rest + p, *suffix = rest + p + u;
  size_t suffix_len = avail - p - u;
  size_t fixed = p + suffix_len;
  size_t cap = (flags & 0x0C) == 0x0C ? PR_FUZZ_HUGE_MAX : PR_FUZZ_BIG_MAX;
  if (n && n > (cap - fixed) / u) n = (cap - fixed) / u;
  size_t len = fixed + n * u;
  uint8_t *buf = malloc(len ? len : 1);
  PR_FUZZ_CHECK(buf);
  memcpy(buf, prefix, p);
  for (size_t i = 0; i < n; i++) memcpy(buf + p + i * u, unit, u);
  memcpy(buf + p + n * u, suffix, suffix_len);
  *out_len = len;
  return buf;
}

static void pr_fuzz_check_findings(const pr_review *review, uint32_t len) {
  for (uint32_t i = 0; i < review->count; i++) {
    const pr_finding *f = review->findings[i];
    PR_FUZZ_CHECK(f->start <= f->end && f->end <= len);
    if (i) {
      const pr_finding *prev = review->findings[i - 1];
      PR_FUZZ_CHECK(prev->start < f->start || (prev->start == f->start && strcmp(prev->rule->code, f->rule->code) <= 0));
    }
    size_t n = strlen(f->message);
    PR_FUZZ_CHECK(n > 0 && n <= 3 * PR_MESSAGE_MAX_BYTES + 64);
    PR_FUZZ_CHECK(pr_fuzz_utf8_valid((const unsigned char *)f->message, n));
    /* the text report is one line per finding */
    PR_FUZZ_CHECK(!strchr(f->message, '\n') && !strchr(f->message, '\r'));
  }
}

/* Columns found from a remembered place (pr_position_memo) equal columns
 * counted from the line's start, over the offsets in the order reports ask. */
static void pr_fuzz_check_positions(const char *text, uint32_t len, const pr_line_index *lines,
                                    const pr_review *review) {
  static const pr_unit units[] = {PR_UNIT_UTF16, PR_UNIT_UTF32};
  for (int u = 0; u < 2; u++) {
    pr_position_memo memo = {0};
    for (uint32_t i = 0; i < review->count; i++) {
      const pr_finding *f = review->findings[i];
      uint32_t at[4] = {f->start, f->end, f->edit_count ? f->edits[0].start : f->stmt_start,
                        f->related_count ? f->related[0].end : f->stmt_end};
      for (int k = 0; k < 4; k++) {
        pr_position a = pr_text_position_near(text, len, lines, at[k], units[u], &memo);
        pr_position b = pr_text_position(text, len, lines, at[k], units[u]);
        PR_FUZZ_CHECK(a.line == b.line && a.column == b.column);
      }
    }
  }
}

static void pr_fuzz_check_json(const pr_buf *json, const pr_review *review) {
  pr_buf doc = {0};
  pr_buf_append(&doc, "[", 1);
  pr_buf_append(&doc, json->data ? json->data : "", json->len);
  pr_buf_append(&doc, "\n]", 2);
  PR_FUZZ_CHECK(!doc.oom);
  json_error_t err;
  json_t *v = json_loadb(doc.data, doc.len, 0, &err);
  if (!v) {
    fprintf(stderr, "fuzz_analyse: the JSON report does not parse (%s at %d:%d):\n%s\n", err.text, err.line,
            err.column, doc.data);
    abort();
  }
  PR_FUZZ_CHECK(json_is_array(v) && json_array_size(v) == review->count);
  size_t i;
  json_t *o;
  json_array_foreach(v, i, o) {
    const pr_finding *f = review->findings[i];
    json_t *m = json_object_get(o, "message");
    PR_FUZZ_CHECK(json_is_string(m) && !strcmp(json_string_value(m), f->message));
    PR_FUZZ_CHECK(!strcmp(json_string_value(json_object_get(o, "code")), f->rule->code));
    json_t *s = json_object_get(o, "start"), *e = json_object_get(o, "end");
    json_int_t sl = json_integer_value(json_object_get(s, "line")), sc = json_integer_value(json_object_get(s, "column"));
    json_int_t el = json_integer_value(json_object_get(e, "line")), ec = json_integer_value(json_object_get(e, "column"));
    PR_FUZZ_CHECK(sl >= 1 && sc >= 1 && el >= 1 && ec >= 1);
    PR_FUZZ_CHECK(sl < el || (sl == el && sc <= ec));
  }
  json_decref(v);
  pr_buf_free(&doc);
}

static void pr_fuzz_check_text(const pr_buf *text, const pr_review *review, const char *path) {
  PR_FUZZ_CHECK(pr_fuzz_utf8_valid((const unsigned char *)text->data, text->len));
  size_t lines = 0, plen = strlen(path);
  for (size_t at = 0; at < text->len; lines++) {
    const char *nl = memchr(text->data + at, '\n', text->len - at);
    PR_FUZZ_CHECK(nl != NULL);  /* every line ends */
    PR_FUZZ_CHECK((size_t)(nl - (text->data + at)) > plen && !memcmp(text->data + at, path, plen) &&
                  text->data[at + plen] == ':');
    at = (size_t)(nl - text->data) + 1;
  }
  PR_FUZZ_CHECK(lines == review->count);
}

/* Renders one file in `format` and joins it as a run of one file; the caller
 * checks the document's UTF-8 (all of it, or what pr_fuzz_check_sarif has not
 * already checked). */
static void pr_fuzz_render(pr_buf *doc, pr_buf *chunk, pr_report_format format, bool terminal,
                           const pr_reviewed_file *file) {
  pr_report_options options = {.format = format, .terminal = terminal, .version = "0"};
  pr_report_file(chunk, &options, file);
  pr_report_chunk c = {chunk->data, chunk->len};
  pr_report_document(doc, &options, &c, 1);
  PR_FUZZ_CHECK(!chunk->oom && !doc->oom);
}

static void pr_fuzz_render_checked(pr_buf *doc, pr_buf *chunk, pr_report_format format, bool terminal,
                                   const pr_reviewed_file *file) {
  pr_fuzz_render(doc, chunk, format, terminal, file);
  PR_FUZZ_CHECK(pr_fuzz_utf8_valid((const unsigned char *)doc->data, doc->len));
}

/* Empties a buffer and keeps its memory: the SARIF log is ~90 KB, and growing
 * a fresh buffer to that size (five reallocs under ASan) for every input was
 * a twentieth of an execution. */
static void pr_fuzz_buf_reset(pr_buf *b) {
  b->len = 0;
  b->oom = false;
  if (b->data) b->data[0] = 0;
}

/* The SARIF log is the rules' metadata (tool.driver.rules: every registered
 * rule, ~90 KB, the same for every input), then the results. Parsing all of
 * it for every input was a quarter of an execution, so the log of a run with
 * no results is parsed and checked once (pr_fuzz_sarif_init), and each
 * input's log must be that log's bytes up to the results array (`head`) and
 * after it (`tail`), with the results in between. JSON's grammar makes
 * head + M + tail parse exactly when "[" M "]" does (M sits where an array's
 * elements go), so parsing "[" M "]" checks what parsing the whole log did,
 * and its elements are the log's results. */
typedef struct pr_fuzz_sarif_frame {
  char *head;
  size_t head_len;
  char *tail;
  size_t tail_len;
} pr_fuzz_sarif_frame;

static pr_fuzz_sarif_frame pr_fuzz_sarif;

/* The results array of a parsed SARIF log, or NULL. */
static json_t *pr_fuzz_sarif_results(json_t *log) {
  return json_object_get(json_array_get(json_object_get(log, "runs"), 0), "results");
}

static void pr_fuzz_sarif_init(void) {
  pr_buf doc = {0};
  pr_report_options options = {.format = PR_FORMAT_SARIF, .version = "0"};
  pr_report_document(&doc, &options, NULL, 0);
  PR_FUZZ_CHECK(!doc.oom && doc.len > 0);
  PR_FUZZ_CHECK(pr_fuzz_utf8_valid((const unsigned char *)doc.data, doc.len));
  json_error_t err;
  json_t *log = json_loadb(doc.data, doc.len, 0, &err);
  PR_FUZZ_CHECK(log != NULL);
  json_t *results = pr_fuzz_sarif_results(log);
  PR_FUZZ_CHECK(json_is_array(results) && json_array_size(results) == 0);
  json_t *rules = json_object_get(json_object_get(json_object_get(json_array_get(json_object_get(log, "runs"), 0),
                                                                  "tool"), "driver"), "rules");
  PR_FUZZ_CHECK(json_is_array(rules) && json_array_size(rules) == pr_rule_count);
  json_decref(log);
  /* the results array is the last one the log opens: the rules' texts come before it */
  static const char marker[] = "\"results\": [";
  char *at = NULL;
  for (char *p = strstr(doc.data, marker); p; p = strstr(p + 1, marker)) at = p;
  PR_FUZZ_CHECK(at != NULL);
  pr_fuzz_sarif.head_len = (size_t)(at - doc.data) + strlen(marker);
  pr_fuzz_sarif.head = doc.data;
  pr_fuzz_sarif.tail = strdup(doc.data + pr_fuzz_sarif.head_len);
  PR_FUZZ_CHECK(pr_fuzz_sarif.tail != NULL && pr_fuzz_sarif.tail[0] == ']');
  pr_fuzz_sarif.tail_len = strlen(pr_fuzz_sarif.tail);
}

/* Checks an input's SARIF log (see pr_fuzz_sarif_frame): valid UTF-8 that
 * parses, with one result per finding carrying its message intact. */
static void pr_fuzz_check_sarif(const pr_buf *doc, const pr_review *review) {
  const pr_fuzz_sarif_frame *f = &pr_fuzz_sarif;
  PR_FUZZ_CHECK(doc->len >= f->head_len + f->tail_len);
  PR_FUZZ_CHECK(!memcmp(doc->data, f->head, f->head_len));
  PR_FUZZ_CHECK(!memcmp(doc->data + doc->len - f->tail_len, f->tail, f->tail_len));
  const char *m = doc->data + f->head_len;
  size_t m_len = doc->len - f->head_len - f->tail_len;
  PR_FUZZ_CHECK(pr_fuzz_utf8_valid((const unsigned char *)m, m_len));
  pr_buf array = {0};
  pr_buf_append(&array, "[", 1);
  pr_buf_append(&array, m, m_len);
  pr_buf_append(&array, "]", 1);
  PR_FUZZ_CHECK(!array.oom);
  json_error_t err;
  json_t *results = json_loadb(array.data, array.len, 0, &err);
  if (!results) {
    fprintf(stderr, "fuzz_analyse: the SARIF log does not parse (%s at %d:%d of its results):\n%s\n", err.text,
            err.line, err.column, array.data);
    abort();
  }
  PR_FUZZ_CHECK(json_is_array(results) && json_array_size(results) == review->count);
  for (uint32_t i = 0; i < review->count; i++) {
    json_t *msg = json_object_get(json_object_get(json_array_get(results, i), "message"), "text");
    PR_FUZZ_CHECK(json_is_string(msg) && !strcmp(json_string_value(msg), review->findings[i]->message));
  }
  json_decref(results);
  pr_buf_free(&array);
}

/* The documents' buffers, kept between inputs (pr_fuzz_buf_reset). */
static pr_buf pr_fuzz_doc, pr_fuzz_chunk;

static void pr_fuzz_check_formats(const pr_reviewed_file *file) {
  const pr_review *review = file->review;
  pr_buf *doc = &pr_fuzz_doc, *chunk = &pr_fuzz_chunk;
  pr_fuzz_buf_reset(doc);
  pr_fuzz_buf_reset(chunk);
  pr_fuzz_render(doc, chunk, PR_FORMAT_SARIF, false, file);
  pr_fuzz_check_sarif(doc, review);
  pr_fuzz_buf_reset(doc);
  pr_fuzz_buf_reset(chunk);

  pr_fuzz_render_checked(doc, chunk, PR_FORMAT_GITHUB, false, file);
  size_t lines = 0;
  for (size_t k = 0; k < doc->len; k++) lines += doc->data[k] == '\n';
  PR_FUZZ_CHECK(lines == review->count);
  pr_fuzz_buf_reset(doc);
  pr_fuzz_buf_reset(chunk);

  pr_fuzz_render_checked(doc, chunk, PR_FORMAT_TEXT, true, file);
  pr_fuzz_buf_reset(doc);
  pr_fuzz_buf_reset(chunk);
  pr_fuzz_render_checked(doc, chunk, PR_FORMAT_STATISTICS, false, file);
  pr_fuzz_buf_reset(doc);
  pr_fuzz_buf_reset(chunk);
  pr_fuzz_render_checked(doc, chunk, PR_FORMAT_REVIEW, false, file);
  pr_fuzz_buf_reset(doc);
  pr_records records = {0};
  pr_report_chunk c = {chunk->data, chunk->len};
  pr_records_parse(&records, &c, 1);
  PR_FUZZ_CHECK(!records.oom && records.count == review->count);
  for (uint32_t i = 0; i < review->count; i++)
    PR_FUZZ_CHECK(records.items[i].rule == review->findings[i]->rule &&
                  !strcmp(records.items[i].message, review->findings[i]->message) &&
                  !strcmp(records.items[i].path, file->path));
  pr_records_free(&records);
  pr_fuzz_buf_reset(chunk);

  /* a baseline of these findings, through its file format, accepts them all */
  pr_baseline written = {0}, read = {0};
  for (uint32_t i = 0; i < review->count; i++) {
    const pr_finding *f = review->findings[i];
    PR_FUZZ_CHECK(pr_baseline_add(&written, file->path, f->rule->code,
                                  pr_baseline_fingerprint(file->text, file->len, file->lines, f->start, f->end)));
  }
  PR_FUZZ_CHECK(pr_baseline_finish(&written));
  char *bytes = pr_baseline_write(&written);
  PR_FUZZ_CHECK(bytes != NULL);
  char why[256];
  PR_FUZZ_CHECK(pr_baseline_parse(bytes, strlen(bytes), &read, why, sizeof why) == 0);
  bool *suppressed = calloc(review->count + 1, sizeof *suppressed);
  PR_FUZZ_CHECK(suppressed != NULL);
  PR_FUZZ_CHECK(pr_baseline_apply(&read, file->path, file->text, file->len, file->lines, review->findings,
                                  review->count, suppressed) == review->count);
  free(suppressed);
  free(bytes);
  pr_baseline_free(&written);
  pr_baseline_free(&read);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  pr_fuzz_sarif_init();
  /* room for a SARIF log with as many bytes of results as of rules, so that
     most inputs' documents never grow the buffer */
  pr_buf_append(&pr_fuzz_doc, pr_fuzz_sarif.head, pr_fuzz_sarif.head_len);
  pr_buf_append(&pr_fuzz_doc, pr_fuzz_sarif.head, pr_fuzz_sarif.head_len);
  PR_FUZZ_CHECK(!pr_fuzz_doc.oom);
  pr_fuzz_buf_reset(&pr_fuzz_doc);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  /* A parser per input, not one per process: tree-sitter keeps pools between
     parses, and libFuzzer runs LeakSanitizer (seconds on a big heap) after
     every input that leaves more mallocs than frees. */
  TSParser *parser = pr_parser_new();
  PR_FUZZ_CHECK(parser != NULL);
  ts_parser_set_timeout_micros(parser, PR_FUZZ_PARSE_BUDGET_US);
  uint8_t flags = data[0];
  size_t raw_len;
  uint8_t *raw = pr_fuzz_file(data, size, &raw_len);

  char *text;
  uint32_t len;
  if (flags & 1) {
    pr_source_info info;
    PR_FUZZ_CHECK(pr_source_decode((const char *)raw, raw_len, &text, &len, &info) == 0);
    PR_FUZZ_CHECK(pr_fuzz_utf8_valid((const unsigned char *)text, len));
  } else {
    text = malloc(raw_len + 1);
    PR_FUZZ_CHECK(text);
    memcpy(text, raw, raw_len);
    text[raw_len] = 0;
    len = (uint32_t)raw_len;
  }
  free(raw);

  const char *path = (flags & 2) ? "tests/test_fuzz.py" : "fuzz.py";
  pr_line_index lines = {0};
  PR_FUZZ_CHECK(pr_line_index_build(&lines, text, len));
  TSTree *tree = pr_parse(parser, NULL, text, len, lines.bare_cr != 0);
  if (!tree) {
    /* over the parse budget (tree-sitter aborts when out of memory) */
    ts_parser_delete(parser);
    pr_line_index_free(&lines);
    free(text);
    return 0;
  }
  pr_review_options options = {.path = path, .test_file = (flags & 2) != 0, .selection = NULL, .lines = &lines};
  pr_review review;
  PR_FUZZ_CHECK(pr_review_file(text, len, tree, &options, &review) == PR_REVIEW_OK);
  pr_fuzz_check_findings(&review, len);
  pr_fuzz_check_positions(text, len, &lines, &review);

  pr_position_memo memo = {0};
  pr_reviewed_file file = {path, text, len, &lines, &review, &memo};
  pr_buf json = {0}, report = {0};
  bool first = true;
  pr_report_json(&json, &file, &first);
  pr_report_text(&report, &file);
  PR_FUZZ_CHECK(!json.oom && !report.oom);
  pr_fuzz_check_json(&json, &review);
  pr_fuzz_check_text(&report, &review, path);
  pr_fuzz_check_formats(&file);

  pr_buf_free(&json);
  pr_buf_free(&report);
  pr_review_free(&review);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  pr_line_index_free(&lines);
  free(text);
  return 0;
}
