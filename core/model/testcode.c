/* testcode.c - test code predicates; see testcode.h. */
#include "testcode.h"

#include <ctype.h>
#include <string.h>

static bool pr_testcode__ends_with(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

bool pr_is_test_path(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen(base);
  if (!strcmp(base, "conftest.py")) return true;
  if (n > 8 && !strncmp(base, "test_", 5) && pr_testcode__ends_with(base, n, ".py")) return true;
  if (n > 8 && pr_testcode__ends_with(base, n, "_test.py")) return true;
  /* a folder named tests or test anywhere in the relative path */
  const char *p = path;
  while (p < base) {
    const char *slash = strchr(p, '/');
    if (!slash || slash >= base) break;
    size_t len = (size_t)(slash - p);
    if ((len == 5 && !strncmp(p, "tests", 5)) || (len == 4 && !strncmp(p, "test", 4))) return true;
    p = slash + 1;
  }
  return false;
}

bool pr_is_test_function_name(const char *name, uint32_t len) {
  if (len < 4 || memcmp(name, "test", 4) != 0) return false;
  if (len == 4) return true;
  char c = name[4];
  return c == '_' || isupper((unsigned char)c) || isdigit((unsigned char)c);
}

bool pr_is_test_class_name(const char *name, uint32_t len) {
  if (len < 4 || memcmp(name, "Test", 4) != 0) return false;
  if (len == 4) return true;
  char c = name[4];
  return c == '_' || isupper((unsigned char)c) || isdigit((unsigned char)c);
}

bool pr_is_test_base_name(const char *name, uint32_t len) {
  return pr_testcode__ends_with(name, len, "TestCase") || pr_testcode__ends_with(name, len, "TestBase");
}
