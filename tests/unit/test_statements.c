/* Unit tests: statement counts and their cheap bound (core/model/statements.c),
 * and the one-pass iteration of named children (core/model/syntax.c). Each is
 * checked against tree-sitter itself on hand-made snippets and on every rule
 * fixture of tests/rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "statements.h"
#include "syntax.h"

/* Checks every function of `src`: the bound never claims fewer statements than
 * the count. And for every node, pr_children gives exactly ts_node_named_child's
 * children. Returns the number of functions. */
static uint32_t check_source(const char *src, uint32_t len, const char *what) {
  TSParser *parser = pr_parser_new();
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, len);
  assert_non_null(tree);
  uint32_t functions = 0;
  TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
  for (bool more = true; more;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    pr_children it;
    TSNode child;
    uint32_t i = 0;
    for (pr_children_start(&it, n); pr_children_next(&it, &child); i++) {
      if (!ts_node_eq(child, ts_node_named_child(n, i))) fail_msg("%s: child %u of a %s differs", what, i, ts_node_type(n));
    }
    pr_children_end(&it);
    if (i != ts_node_named_child_count(n)) fail_msg("%s: %u children of %u", what, i, ts_node_named_child_count(n));
    if (pr_node_kind(n) == pr_kind_function_definition) {
      functions++;
      uint32_t count = pr_statement_count(src, n);
      if (count > 0 && pr_statement_count_at_most(src, n, count - 1))
        fail_msg("%s:%u: bound below the count %u", what, ts_node_start_point(n).row + 1, count);
    }
    if (ts_tree_cursor_goto_first_child(&c)) continue;
    while (!(more = ts_tree_cursor_goto_next_sibling(&c)))
      if (!ts_tree_cursor_goto_parent(&c)) break;
  }
  ts_tree_cursor_delete(&c);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return functions;
}

static TSNode first_function(TSTree *tree) {
  TSNode root = ts_tree_root_node(tree);
  for (uint32_t i = 0; i < ts_node_named_child_count(root); i++)
    if (pr_node_kind(ts_node_named_child(root, i)) == pr_kind_function_definition)
      return ts_node_named_child(root, i);
  return (TSNode){0};
}

/* pr_statement_count and the bound's answers for `max` on the first function. */
static void expect_count(const char *src, uint32_t count, uint32_t max, bool at_most) {
  TSParser *parser = pr_parser_new();
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)strlen(src));
  TSNode def = first_function(tree);
  assert_false(ts_node_is_null(def));
  assert_int_equal(pr_statement_count(src, def), count);
  if (pr_statement_count_at_most(src, def, max) != at_most) fail_msg("bound for %u on: %s", max, src);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
}

static void test_bound_settles_the_usual_cases(void **state) {
  /* blank lines, comments, a docstring, a multi-line call: 2 statements */
  expect_count("def f():\n    \"\"\"Doc:\n    many lines; here.\n    \"\"\"\n\n    # note: x; y\n"
               "    x = call(a,\n             b,\n             c)\n    return x\n",
               2, 3, true);
  /* a header's colon and `;` on one line: `if` + 3 statements */
  expect_count("def f():\n    if x: a = 1; b = 2\n    return 3\n", 4, 3, false);
  expect_count("def f():\n    if x: a = 1; b = 2\n    return 3\n", 4, 4, true);
  /* strings holding brackets, colons, quotes and escapes */
  expect_count("def f():\n    s = '(:[{' + \"\\\")\" + r'\\'' + '''a\n)b:'''\n    return s\n", 2, 2, true);
  /* a backslash continuation is one logical line */
  expect_count("def f():\n    x = 1 + \\\n        2\n    return x\n", 2, 2, true);
  /* dict displays, slices and lambdas inside brackets add nothing */
  expect_count("def f():\n    d = {'a': x[1:2], 'b': (lambda y: y)}\n    return d\n", 2, 2, true);
}

static void test_bound_gives_up_when_unsure(void **state) {
  /* Python 3.12 f-strings may nest their own quotes: the scan sees an unclosed
     bracket and lets the count decide */
  expect_count("def f():\n    s = f\"{d[\"(\"]}\"\n    return s\n", 2, 1, false);
}

static void test_bound_and_children_on_fixtures(void **state) {
  const char *src = getenv("PR_SOURCE_DIR");
  if (!src) skip();
  char rules[4096];
  snprintf(rules, sizeof rules, "%s/tests/rules", src);
  DIR *d = opendir(rules);
  assert_non_null(d);
  uint32_t functions = 0, files = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    char dir[4096 + 256];
    snprintf(dir, sizeof dir, "%s/%s", rules, e->d_name);
    DIR *rd = opendir(dir);
    if (!rd) continue;
    struct dirent *f;
    while ((f = readdir(rd)) != NULL) {
      size_t n = strlen(f->d_name);
      if (n < 4 || strcmp(f->d_name + n - 3, ".py")) continue;
      char path[4096 + 512];
      snprintf(path, sizeof path, "%s/%s", dir, f->d_name);
      FILE *fp = fopen(path, "rb");
      if (!fp) continue;
      static char buf[1 << 20];
      size_t len = fread(buf, 1, sizeof buf - 1, fp);
      fclose(fp);
      buf[len] = 0;
      functions += check_source(buf, (uint32_t)len, path);
      files++;
    }
    closedir(rd);
  }
  closedir(d);
  assert_true(files > 100);
  assert_true(functions > 500);
}

int main(void) {
  pr_syntax_init();
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_bound_settles_the_usual_cases),
    cmocka_unit_test(test_bound_gives_up_when_unsure),
    cmocka_unit_test(test_bound_and_children_on_fixtures),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
