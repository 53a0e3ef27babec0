/* Unit tests: byte offsets <-> columns in UTF-8, UTF-16 and UTF-32 (core/position.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "position.h"

/* "a" U+00E9 (2 bytes) U+1F600 (4 bytes, a surrogate pair in UTF-16) "b" */
static const char line[] = "a\xc3\xa9\xf0\x9f\x98\x80" "b";

static void columns_count_each_unit(void **state) {
  uint32_t n = (uint32_t)strlen(line);
  assert_int_equal(pr_columns_in(line, n, PR_UNIT_UTF8), 8);
  assert_int_equal(pr_columns_in(line, n, PR_UNIT_UTF16), 5);  /* a, e-acute, 2 surrogates, b */
  assert_int_equal(pr_columns_in(line, n, PR_UNIT_UTF32), 4);
  assert_int_equal(pr_columns_in(line, 7, PR_UNIT_UTF16), 4);  /* up to b */
}

static void utf16_column_to_byte_across_a_surrogate_pair(void **state) {
  uint32_t n = (uint32_t)strlen(line);
  assert_int_equal(pr_bytes_for_columns(line, n, 0, PR_UNIT_UTF16), 0);
  assert_int_equal(pr_bytes_for_columns(line, n, 1, PR_UNIT_UTF16), 1);
  assert_int_equal(pr_bytes_for_columns(line, n, 2, PR_UNIT_UTF16), 3);  /* start of the emoji */
  /* the middle of the surrogate pair lands on the emoji's first byte */
  assert_int_equal(pr_bytes_for_columns(line, n, 3, PR_UNIT_UTF16), 3);
  assert_int_equal(pr_bytes_for_columns(line, n, 4, PR_UNIT_UTF16), 7);
  assert_int_equal(pr_bytes_for_columns(line, n, 5, PR_UNIT_UTF16), 8);
}

static void columns_past_the_end_clamp_to_the_line_length(void **state) {
  uint32_t n = (uint32_t)strlen(line);
  assert_int_equal(pr_bytes_for_columns(line, n, 99, PR_UNIT_UTF16), n);
  assert_int_equal(pr_bytes_for_columns(line, n, 99, PR_UNIT_UTF8), n);
  assert_int_equal(pr_bytes_for_columns(line, n, 99, PR_UNIT_UTF32), n);
}

static void utf8_column_inside_a_character_backs_up_to_its_start(void **state) {
  uint32_t n = (uint32_t)strlen(line);
  assert_int_equal(pr_bytes_for_columns(line, n, 2, PR_UNIT_UTF8), 1);
  assert_int_equal(pr_bytes_for_columns(line, n, 5, PR_UNIT_UTF8), 3);
  assert_int_equal(pr_bytes_for_columns(line, n, 3, PR_UNIT_UTF8), 3);
}

static void utf32_columns_are_code_points(void **state) {
  uint32_t n = (uint32_t)strlen(line);
  assert_int_equal(pr_bytes_for_columns(line, n, 2, PR_UNIT_UTF32), 3);
  assert_int_equal(pr_bytes_for_columns(line, n, 3, PR_UNIT_UTF32), 7);
}

static void invalid_bytes_count_one_unit_each(void **state) {
  static const char bad[] = "x\xff\xfey\xe2\x82";  /* two invalid bytes, y, a truncated sequence */
  uint32_t n = (uint32_t)strlen(bad);
  assert_int_equal(pr_columns_in(bad, n, PR_UNIT_UTF16), 6);
  assert_int_equal(pr_columns_in(bad, n, PR_UNIT_UTF32), 6);
  assert_int_equal(pr_bytes_for_columns(bad, n, 3, PR_UNIT_UTF16), 3);
  assert_false(pr_utf8_valid(bad, n));
  assert_true(pr_utf8_valid(line, (uint32_t)strlen(line)));
}

static void overlong_and_surrogate_encodings_are_invalid(void **state) {
  assert_false(pr_utf8_valid("\xc0\xaf", 2));          /* overlong '/' */
  assert_false(pr_utf8_valid("\xed\xa0\x80", 3));      /* U+D800 */
  assert_false(pr_utf8_valid("\xf4\x90\x80\x80", 4));  /* above U+10FFFF */
  uint32_t cp;
  assert_int_equal(pr_utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp), 1);
  assert_int_equal(cp, 0xFFFD);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(columns_count_each_unit),
    cmocka_unit_test(utf16_column_to_byte_across_a_surrogate_pair),
    cmocka_unit_test(columns_past_the_end_clamp_to_the_line_length),
    cmocka_unit_test(utf8_column_inside_a_character_backs_up_to_its_start),
    cmocka_unit_test(utf32_columns_are_code_points),
    cmocka_unit_test(invalid_bytes_count_one_unit_each),
    cmocka_unit_test(overlong_and_surrogate_encodings_are_invalid),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
