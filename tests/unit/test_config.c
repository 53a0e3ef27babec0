/* Unit tests: configuration files (core/config/config.c): globs as Ruff
 * matches per-file-ignores, rule layering, the [tool.pyreview] table, and
 * discovery's answers per folder. The CLI's view is in tests/cli/run_config_tests.sh. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"

static char root[256];

static void put(const char *rel, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  for (char *s = strchr(path + strlen(root) + 1, '/'); s; s = strchr(s + 1, '/')) {
    *s = 0;
    mkdir(path, 0755);
    *s = '/';
  }
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static bool matches(const char *glob, const char *rel) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  return pr_config_glob_matches(glob, root, path);
}

static void test_globs(void **state) {
  put("legacy/old.py", "");
  put("x/legacy/old.py", "");
  put("x/gen.py", "");
  put("tests/unit/t.py", "");
  assert_true(matches("legacy/*.py", "legacy/old.py"));
  assert_false(matches("legacy/*.py", "x/legacy/old.py"));  /* relative to the config's folder */
  assert_true(matches("*/legacy/*.py", "x/legacy/old.py"));
  assert_true(matches("gen.py", "x/gen.py"));                /* no slash: the file's name */
  assert_false(matches("x/gen.py", "legacy/old.py"));
  assert_true(matches("./x/gen.py", "x/gen.py"));
  assert_true(matches("tests", "tests/unit/t.py"));          /* a folder: the files below it */
  assert_true(matches("tests/", "tests/unit/t.py"));
  assert_true(matches("tests/unit", "tests/unit/t.py"));
  assert_false(matches("unit", "legacy/old.py"));
  assert_true(matches("tests/*.py", "tests/unit/t.py"));      /* `*` crosses folders, as Ruff's */
  assert_true(matches("*.py", "tests/unit/t.py"));
  assert_false(matches("*.pyi", "tests/unit/t.py"));
}

static const char *enabled(const pr_selection *s) {
  static char out[512];
  size_t n = 0;
  out[0] = 0;
  for (uint32_t r = 0; r < pr_rule_count; r++)
    if (s->enabled[r]) n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", n ? " " : "", pr_rules[r]->code);
  return out;
}

static pr_config *parse(const char *text, bool pyproject) {
  pr_config *c = pr_config_parse(text, strlen(text), "cfg.toml", root, pyproject);
  assert_non_null(c);
  return c;
}

static void test_layers(void **state) {
  char err[128];
  pr_selection sel;
  pr_config *c = parse("select = ['ERR']\nignore = ['ERR003']\n[severity]\nERR004 = 'off'\n", false);
  assert_int_equal(c->message_count, 0);
  assert_int_equal(pr_config_rules(c, NULL, NULL, &sel, err, sizeof err), 0);
  assert_string_equal(enabled(&sel), "ERR001 ERR002");
  pr_rule_layer flags = {.select = "ERR003,ERR004"};
  assert_int_equal(pr_config_rules(c, &flags, NULL, &sel, err, sizeof err), 0);
  assert_string_equal(enabled(&sel), "ERR003 ERR004");  /* the file had a select: nothing carried */
  pr_config_free(c);
  c = parse("ignore = ['ERR003']\n[severity]\nERR004 = 'off'\n", false);
  flags = (pr_rule_layer){.select = "ERR", .ignore = "ERR001"};
  assert_int_equal(pr_config_rules(c, &flags, NULL, &sel, err, sizeof err), 0);
  assert_string_equal(enabled(&sel), "ERR002");  /* no select in the file: its ignores carry over */
  flags = (pr_rule_layer){.extend_select = "NOPE"};
  assert_int_equal(pr_config_rules(c, &flags, NULL, &sel, err, sizeof err), -1);
  assert_string_equal(err, "unknown rule or category 'NOPE'");
  pr_config_free(c);
}

static void test_pyproject_table(void **state) {
  pr_config *c = parse("[project]\nname = 'x'\n", true);
  assert_int_equal(c->message_count, 1);
  assert_string_equal(c->messages[0], "cfg.toml: no [tool.pyreview] table");
  pr_config_free(c);
  c = parse("[tool]\npyreview = 3\n", true);
  assert_string_equal(c->messages[0], "cfg.toml:2:12: 'tool.pyreview' must be a table, not an integer");
  pr_config_free(c);
  c = parse("[tool.pyreview]\nmax-nesting = 2\n[tool.pyreview.severity]\nSEC = 'error'\n", true);
  assert_int_equal(c->message_count, 0);
  assert_int_equal(c->thresholds.max_nesting, 2);
  assert_int_equal(c->thresholds.max_complexity, 10);  /* the default */
  assert_int_equal(c->severity[pr_rule_index(pr_rule_lookup("SEC001", 6))], 1);
  assert_int_equal(c->severity[pr_rule_index(pr_rule_lookup("ERR001", 6))], 0);
  pr_config_free(c);
  /* a key holding a newline is still one line of message */
  c = parse("\"a\\nb\" = 1\n", false);
  assert_int_equal(c->message_count, 1);
  assert_string_equal(c->messages[0], "cfg.toml:1:1: unknown key 'a?b'");
  pr_config_free(c);
  /* the settings' digest follows the settings */
  pr_config *a = parse("max-nesting = 2\n", false), *b = parse("max-nesting = 3\n", false),
            *d = parse("max-nesting = 2\n", false);
  assert_true(a->digest != b->digest);
  assert_true(a->digest == d->digest);
  pr_config_free(a);
  pr_config_free(b);
  pr_config_free(d);
}

static void test_discovery(void **state) {
  put("p/pyproject.toml", "[tool.pyreview]\nmax-nesting = 1\n");
  put("p/q/pyproject.toml", "[project]\nname = 'q'\n");
  put("p/q/r/pyreview.toml", "max-nesting = 3\n");
  put("p/q/r/pyproject.toml", "[tool.pyreview]\nmax-nesting = 2\n");
  put("p/q/a.py", "");
  put("p/q/r/s/b.py", "");
  put("p/q/r/c.py", "");
  char path[512];
  pr_config_finder *f = pr_config_finder_new();
  bool fresh;
  snprintf(path, sizeof path, "%s/p/q/a.py", root);
  const pr_config *qa = pr_config_find(f, path, &fresh);
  assert_non_null(qa);
  assert_true(fresh);
  assert_int_equal(qa->thresholds.max_nesting, 1);
  snprintf(path, sizeof path, "%s/p/q/r/s/b.py", root);
  const pr_config *rb = pr_config_find(f, path, &fresh);
  assert_non_null(rb);
  assert_true(fresh);
  assert_int_equal(rb->thresholds.max_nesting, 3);
  snprintf(path, sizeof path, "%s/p/q/r/c.py", root);
  assert_ptr_equal(pr_config_find(f, path, &fresh), rb);  /* read once */
  assert_false(fresh);
  snprintf(path, sizeof path, "%s/p/a.py", root);
  assert_ptr_equal(pr_config_find(f, path, &fresh), qa);
  assert_false(fresh);
  pr_config_finder_free(f);
}

static int setup(void **state) {
  snprintf(root, sizeof root, "/tmp/pr-config-XXXXXX");
  if (!mkdtemp(root)) return -1;
  char *real = realpath(root, NULL);
  if (!real) return -1;
  snprintf(root, sizeof root, "%s", real);
  free(real);
  return 0;
}

static int teardown(void **state) {
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  return system(cmd) == 0 ? 0 : -1;
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_globs),
    cmocka_unit_test(test_layers),
    cmocka_unit_test(test_pyproject_table),
    cmocka_unit_test(test_discovery),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
