/* Unit tests: baseline fingerprints and files (core/review/baseline.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "baseline.h"

/* The fingerprint of the first occurrence of `needle` in `text`. */
static uint64_t fingerprint_of(const char *text, const char *needle) {
  pr_line_index idx = {0};
  uint32_t len = (uint32_t)strlen(text);
  assert_true(pr_line_index_build(&idx, text, len));
  const char *at = strstr(text, needle);
  assert_non_null(at);
  uint32_t start = (uint32_t)(at - text);
  uint64_t fp = pr_baseline_fingerprint(text, len, &idx, start, start + (uint32_t)strlen(needle));
  pr_line_index_free(&idx);
  return fp;
}

static void fingerprints_ignore_line_numbers_and_whitespace_but_not_code(void **state) {
  uint64_t fp = fingerprint_of("import os\nx = eval(os.environ['A'])\n", "eval(os.environ['A'])");
  /* lines above, indentation, CRLF, a BOM: the same */
  assert_true(fp == fingerprint_of("import os\n\n\n# moved\nx = eval(os.environ['A'])\n", "eval(os.environ['A'])"));
  assert_true(fp == fingerprint_of("import os\nif a:\n\tx = eval(os.environ['A'])  \r\n", "eval(os.environ['A'])"));
  assert_true(fp == fingerprint_of("\xef\xbb\xbfx = eval(os.environ['A'])\n", "eval(os.environ['A'])"));
  /* whitespace runs inside the range collapse: re-indented continuation lines are the same */
  uint64_t multi = fingerprint_of("x = eval(\n    os.environ['A'])\n", "eval(\n    os.environ['A'])");
  assert_true(multi == fingerprint_of("x = eval(\n\t\tos.environ['A'])\n", "eval(\n\t\tos.environ['A'])"));
  /* another flagged text, or the same text on another line, is another finding */
  assert_true(fp != fingerprint_of("x = eval(os.environ['B'])\n", "eval(os.environ['B'])"));
  assert_true(fp != fingerprint_of("y = eval(os.environ['A'])\n", "eval(os.environ['A'])"));
}

static void a_written_baseline_parses_back_with_counts_merged(void **state) {
  pr_baseline b = {0}, back = {0};
  assert_true(pr_baseline_add(&b, "./src/b.py", "SEC003", 0x0123456789abcdefull));
  assert_true(pr_baseline_add(&b, "src/a.py", "ERR002", 2));
  assert_true(pr_baseline_add(&b, "src/b.py", "SEC003", 0x0123456789abcdefull));
  assert_true(pr_baseline_finish(&b));
  char *bytes = pr_baseline_write(&b);
  assert_non_null(bytes);
  assert_string_equal(bytes,
                      "{\n  \"version\": 1,\n  \"findings\": [\n"
                      "    {\"path\": \"src/a.py\", \"code\": \"ERR002\", \"fingerprint\": \"0000000000000002\", \"count\": 1},\n"
                      "    {\"path\": \"src/b.py\", \"code\": \"SEC003\", \"fingerprint\": \"0123456789abcdef\", \"count\": 2}\n"
                      "  ]\n}\n");
  char err[256];
  assert_int_equal(pr_baseline_parse(bytes, strlen(bytes), &back, err, sizeof err), 0);
  assert_int_equal(back.count, 2);
  assert_int_equal(back.items[1].count, 2);
  assert_true(back.items[1].fingerprint == 0x0123456789abcdefull);
  assert_true(pr_baseline_digest(&back, "./src/b.py") == pr_baseline_digest(&back, "src/b.py"));
  assert_true(pr_baseline_digest(&back, "src/c.py") == 0);
  assert_true(pr_baseline_digest(&back, "src/a.py") != pr_baseline_digest(&back, "src/b.py"));
  free(bytes);
  pr_baseline_free(&b);
  pr_baseline_free(&back);
}

static void malformed_baselines_are_errors_with_a_reason(void **state) {
  static const struct {
    const char *json, *reason;
  } cases[] = {
    {"", "line 1, column 0: not valid JSON"},
    {"{\"version\": 1, \"findings\": {}}", "not a pyreview baseline"},
    {"{\"version\": 2, \"findings\": []}", "unsupported baseline version"},
    {"{\"version\": 1, \"version\": 1, \"findings\": []}", "not valid JSON: duplicate object key"},
    {"{\"version\": 1, \"findings\": [1]}", "findings[0]: not an object"},
    {"{\"version\": 1, \"findings\": [{\"path\": \"\", \"code\": \"SEC001\", \"fingerprint\": \"0000000000000000\", \"count\": 1}]}",
     "findings[0]: \"path\" must be a non-empty string"},
    {"{\"version\": 1, \"findings\": [{\"path\": \"a.py\", \"code\": \"SEC001\", \"fingerprint\": \"0000000000000000\", \"count\": 0}]}",
     "findings[0]: \"count\" must be a positive integer"},
    {"{\"version\": 1, \"findings\": [{\"path\": \"a.py\", \"code\": \"SEC001\", \"fingerprint\": \"00000000000000000\", \"count\": 1}]}",
     "findings[0]: \"fingerprint\" must be 16 lowercase hexadecimal digits"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    pr_baseline b = {0};
    char err[256] = "";
    assert_int_equal(pr_baseline_parse(cases[i].json, strlen(cases[i].json), &b, err, sizeof err), -1);
    if (!strstr(err, cases[i].reason)) fail_msg("case %zu: '%s' lacks '%s'", i, err, cases[i].reason);
    assert_int_equal(b.count, 0);
    assert_null(b.items);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(fingerprints_ignore_line_numbers_and_whitespace_but_not_code),
    cmocka_unit_test(a_written_baseline_parses_back_with_counts_merged),
    cmocka_unit_test(malformed_baselines_are_errors_with_a_reason),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
