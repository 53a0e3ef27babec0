/* Unit tests: suppression comments (core/suppress.c), as the catalog's
 * "Suppression and configuration" section specifies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "ruleset.h"
#include "suppress.h"

static pr_arena arena;
static pr_suppressions sup;
static const pr_rule *err002, *sec001;

static int setup(void **state) {
  pr_suppressions_init(&sup, &arena);
  err002 = pr_rule_lookup("ERR002", 6);
  sec001 = pr_rule_lookup("SEC001", 6);
  return err002 && sec001 ? 0 : -1;
}
static int teardown(void **state) { pr_arena_free(&arena); return 0; }

static void add(const char *comment, uint32_t row) { pr_suppressions_add(&sup, comment, (uint32_t)strlen(comment), row, 0); }
static bool on(const pr_rule *r, uint32_t row) { return pr_suppressions_match(&sup, r, row, row, row); }

static void bare_noqa_suppresses_everything_on_its_line(void **state) {
  add("# NOQA", 3);
  assert_true(on(err002, 3));
  assert_true(on(sec001, 3));
  assert_false(on(err002, 4));
}

static void noqa_lists_take_codes_names_and_prefixes(void **state) {
  add("# noqa:ERR002", 10);
  add("# noqa: sql-injection", 11);
  add("# noqa: sec, DED001", 12);
  assert_true(on(err002, 10));
  assert_false(on(sec001, 10));
  assert_true(on(sec001, 11));
  assert_false(on(err002, 11));
  assert_true(on(sec001, 12));
  assert_false(on(err002, 12));
}

static void the_list_ends_at_the_first_other_word(void **state) {
  add("# noqa: SEC001 -- vendored, ERR002", 20);
  assert_true(on(sec001, 20));
  assert_false(on(err002, 20));
}

static void unknown_codes_suppress_nothing(void **state) {
  add("# noqa: F401", 30);
  assert_false(on(err002, 30));
  assert_false(on(sec001, 30));
}

static void pyreview_ignore_and_nosec(void **state) {
  add("# pyreview: ignore[ERR002]", 40);
  add("# nosec B602", 41);
  assert_true(on(err002, 40));
  assert_false(on(sec001, 40));
  assert_true(on(sec001, 41));
  assert_false(on(err002, 41));
}

static void a_statement_may_carry_it_on_its_first_or_last_line(void **state) {
  add("# noqa: ERR002", 50);
  /* a finding starting on row 52 in a statement spanning rows 50..53 */
  assert_true(pr_suppressions_match(&sup, err002, 52, 50, 53));
  assert_false(pr_suppressions_match(&sup, err002, 52, 51, 53));
}

static void file_level_suppressions_only_in_the_first_ten_lines(void **state) {
  pr_arena a2 = {0};
  pr_suppressions s2;
  pr_suppressions_init(&s2, &a2);
  pr_suppressions_add(&s2, "# pyreview: ignore-file[SEC]", 28, 12, 0);
  assert_false(pr_suppressions_match(&s2, sec001, 100, 100, 100));
  pr_suppressions_add(&s2, "# pyreview: ignore-file[SEC]", 28, 2, 0);
  assert_true(pr_suppressions_match(&s2, sec001, 100, 100, 100));
  assert_false(pr_suppressions_match(&s2, err002, 100, 100, 100));
  pr_arena_free(&a2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(bare_noqa_suppresses_everything_on_its_line),
    cmocka_unit_test(noqa_lists_take_codes_names_and_prefixes),
    cmocka_unit_test(the_list_ends_at_the_first_other_word),
    cmocka_unit_test(unknown_codes_suppress_nothing),
    cmocka_unit_test(pyreview_ignore_and_nosec),
    cmocka_unit_test(a_statement_may_carry_it_on_its_first_or_last_line),
    cmocka_unit_test(file_level_suppressions_only_in_the_first_ten_lines),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
