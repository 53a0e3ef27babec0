/* Unit tests: the line index and its incremental update (core/text.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text.h"

static void rows_split_at_newlines_and_crlf_belongs_to_the_terminator(void **state) {
  const char *t = "ab\r\ncd\n\nef";
  pr_line_index idx = {0};
  assert_true(pr_line_index_build(&idx, t, (uint32_t)strlen(t)));
  assert_int_equal(idx.count, 4);
  assert_int_equal(idx.starts[1], 4);
  assert_int_equal(idx.starts[2], 7);
  assert_int_equal(idx.starts[3], 8);
  assert_int_equal(pr_line_index_row_end(&idx, t, (uint32_t)strlen(t), 0), 2);  /* before \r\n */
  assert_int_equal(pr_line_index_row_end(&idx, t, (uint32_t)strlen(t), 3), 10);
  assert_int_equal(pr_line_index_row(&idx, 0), 0);
  assert_int_equal(pr_line_index_row(&idx, 3), 0);
  assert_int_equal(pr_line_index_row(&idx, 4), 1);
  assert_int_equal(pr_line_index_row(&idx, 10), 3);
  pr_line_index_free(&idx);
}

/* LSP and Python both end a line at a bare '\r' (issue 6, defect 2). */
static void a_bare_cr_ends_a_line(void **state) {
  const char *t = "def f():\r    a = 1\r\n    b = 2\r";
  uint32_t len = (uint32_t)strlen(t);
  pr_line_index idx = {0};
  assert_true(pr_line_index_build(&idx, t, len));
  assert_int_equal(idx.count, 4);
  assert_int_equal(idx.starts[1], 9);
  assert_int_equal(idx.starts[2], 20);
  assert_int_equal(idx.starts[3], len);
  assert_int_equal(idx.bare_cr, 2);
  assert_int_equal(pr_line_index_row_end(&idx, t, len, 0), 8);   /* before the bare \r */
  assert_int_equal(pr_line_index_row_end(&idx, t, len, 1), 18);  /* before \r\n */
  pr_line_index_free(&idx);
}

static void empty_text_has_one_row(void **state) {
  pr_line_index idx = {0};
  assert_true(pr_line_index_build(&idx, "", 0));
  assert_int_equal(idx.count, 1);
  assert_int_equal(pr_line_index_row(&idx, 0), 0);
  pr_line_index_free(&idx);
}

/* Random replacements: the incremental index always equals a rebuilt one. */
static void incremental_update_matches_a_rebuild(void **state) {
  srand(7);
  char text[4096] = "one\ntwo\r\nthree\n\nfour";
  uint32_t len = (uint32_t)strlen(text);
  pr_line_index idx = {0}, fresh = {0};
  assert_true(pr_line_index_build(&idx, text, len));
  static const char *pieces[] = {"", "x", "\n", "a\nb", "\r\n", "\n\n\n", "long line without breaks",
                                 "\r", "a\rb", "\r\r\n", "\n\r"};
  for (int round = 0; round < 2000; round++) {
    uint32_t start = len ? (uint32_t)rand() % (len + 1) : 0;
    uint32_t end = start + (len - start ? (uint32_t)rand() % (len - start + 1) : 0);
    if (end - start > 8) end = start + 8;
    const char *ins = pieces[rand() % 11];
    uint32_t n = (uint32_t)strlen(ins);
    if (len - (end - start) + n >= sizeof text - 1) { start = 0; end = len; ins = "reset\n"; n = 6; }
    char removed[16];
    memcpy(removed, text + start, end - start);
    memmove(text + start + n, text + end, len - end + 1);
    memcpy(text + start, ins, n);
    len = len - (end - start) + n;
    assert_true(pr_line_index_replace(&idx, text, len, start, end, n, removed));
    assert_true(pr_line_index_build(&fresh, text, len));
    assert_int_equal(idx.count, fresh.count);
    assert_memory_equal(idx.starts, fresh.starts, fresh.count * sizeof *fresh.starts);
    assert_int_equal(idx.bare_cr, fresh.bare_cr);
  }
  pr_line_index_free(&idx);
  pr_line_index_free(&fresh);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(rows_split_at_newlines_and_crlf_belongs_to_the_terminator),
    cmocka_unit_test(a_bare_cr_ends_a_line),
    cmocka_unit_test(empty_text_has_one_row),
    cmocka_unit_test(incremental_update_matches_a_rebuild),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
