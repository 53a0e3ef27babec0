/* Unit tests: test files, classes and functions (core/testcode.c, catalog "Test code"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "testcode.h"

#define NAME(s) s, (uint32_t)strlen(s)

static void test_files_by_name_and_folder(void **state) {
  assert_true(pr_is_test_path("test_api.py"));
  assert_true(pr_is_test_path("pkg/api_test.py"));
  assert_true(pr_is_test_path("conftest.py"));
  assert_true(pr_is_test_path("tests/helpers.py"));
  assert_true(pr_is_test_path("pkg/test/fixtures/data.py"));
  assert_false(pr_is_test_path("pkg/api.py"));
  assert_false(pr_is_test_path("testing/api.py"));
  assert_false(pr_is_test_path("contest.py"));
  assert_false(pr_is_test_path("latest_test_data/x.py"));
}

static void test_function_names(void **state) {
  assert_true(pr_is_test_function_name(NAME("test")));
  assert_true(pr_is_test_function_name(NAME("test_login")));
  assert_true(pr_is_test_function_name(NAME("testLogin")));
  assert_true(pr_is_test_function_name(NAME("test2")));
  assert_false(pr_is_test_function_name(NAME("testing")));
  assert_false(pr_is_test_function_name(NAME("_test_x")));
}

static void test_class_names_and_bases(void **state) {
  assert_true(pr_is_test_class_name(NAME("TestLogin")));
  assert_true(pr_is_test_class_name(NAME("Test_api")));
  assert_true(pr_is_test_class_name(NAME("Test")));
  assert_false(pr_is_test_class_name(NAME("TestingConfig")));
  assert_true(pr_is_test_base_name(NAME("TestCase")));
  assert_true(pr_is_test_base_name(NAME("IsolatedAsyncioTestCase")));
  assert_true(pr_is_test_base_name(NAME("ApiTestBase")));
  assert_false(pr_is_test_base_name(NAME("TestCaseMixin")));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_files_by_name_and_folder),
    cmocka_unit_test(test_function_names),
    cmocka_unit_test(test_class_names_and_bases),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
