/* testcode.h - what counts as test code (catalog: Definitions, "Test code").
 *
 * Test files: `test_*.py`, `*_test.py`, `conftest.py`, or a `tests`/`test`
 * folder in the path below the checked root. Test classes and functions are
 * recognised by the engine while it builds scopes, with the name predicates
 * below. */
#ifndef PR_TESTCODE_H
#define PR_TESTCODE_H

#include <stdbool.h>
#include <stdint.h>

/* `relative_path` is the file's path below the checked root ("a/tests/x.py"). */
bool pr_is_test_path(const char *relative_path);
/* `test` followed by `_`, an uppercase letter, a digit, or nothing. */
bool pr_is_test_function_name(const char *name, uint32_t len);
/* In test files: `Test` followed by an uppercase letter, a digit, `_` or nothing. */
bool pr_is_test_class_name(const char *name, uint32_t len);
/* A base's last name part ending in `TestCase` or `TestBase`. */
bool pr_is_test_base_name(const char *name, uint32_t len);

#endif
