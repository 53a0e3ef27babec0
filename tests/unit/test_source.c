/* Unit tests: file bytes to analysis text (core/source.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "source.h"

static char *decode(const char *bytes, pr_source_info *info) {
  char *text;
  uint32_t len;
  assert_int_equal(pr_source_decode(bytes, strlen(bytes), &text, &len, info), 0);
  assert_int_equal(strlen(text), len);
  return text;
}

static void a_bom_is_dropped(void **state) {
  pr_source_info info;
  char *t = decode("\xef\xbb\xbfx = 1\n", &info);
  assert_string_equal(t, "x = 1\n");
  assert_true(info.had_bom);
  free(t);
}

static void invalid_utf8_becomes_replacement_characters(void **state) {
  pr_source_info info;
  char *t = decode("a\xff\xe9z\n", &info);
  assert_string_equal(t, "a\xef\xbf\xbd\xef\xbf\xbdz\n");
  assert_true(info.had_invalid_bytes);
  free(t);
}

static void a_latin1_declaration_is_honoured(void **state) {
  pr_source_info info;
  char *t = decode("# -*- coding: latin-1 -*-\ns = 'caf\xe9'\n", &info);
  assert_string_equal(t, "# -*- coding: latin-1 -*-\ns = 'caf\xc3\xa9'\n");
  assert_false(info.had_invalid_bytes);
  assert_string_equal(info.coding, "latin-1");
  free(t);
}

static void a_declaration_on_line_two_counts_only_after_a_comment(void **state) {
  pr_source_info info;
  char *t = decode("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nq = '\x93x\x94'\n", &info);
  assert_string_equal(info.coding, "cp1252");
  assert_non_null(strstr(t, "\xe2\x80\x9cx\xe2\x80\x9d"));  /* curly quotes */
  free(t);
  t = decode("x = 1\n# coding: latin-1\n\xe9\n", &info);
  assert_string_equal(info.coding, "");
  assert_true(info.had_invalid_bytes);
  free(t);
  /* a bare CR ends line 1 too (Python's universal newlines) */
  t = decode("#!/usr/bin/env python\r# coding: latin-1\rs = '\xe9'\r", &info);
  assert_string_equal(info.coding, "latin-1");
  free(t);
  t = decode("x = 1\r# coding: latin-1\r\xe9\r", &info);
  assert_string_equal(info.coding, "");
  free(t);
}

static void an_unknown_coding_is_read_as_utf8_and_reported(void **state) {
  pr_source_info info;
  char *t = decode("# coding: shift_jis\nx = 1\n", &info);
  assert_true(info.unknown_coding);
  assert_string_equal(t, "# coding: shift_jis\nx = 1\n");
  free(t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(a_bom_is_dropped),
    cmocka_unit_test(invalid_utf8_becomes_replacement_characters),
    cmocka_unit_test(a_latin1_declaration_is_honoured),
    cmocka_unit_test(a_declaration_on_line_two_counts_only_after_a_comment),
    cmocka_unit_test(an_unknown_coding_is_read_as_utf8_and_reported),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
