/* Unit tests: statement counts (core/model/statements.c) and the count the
 * review's walk keeps for each function (pr_def_statement_count, which rules
 * use), the one-pass iteration of named children (core/model/syntax.c), and
 * the hash of a plain string that the walk takes as a leaf
 * (pr_struct_hash_plain_string, core/model/structhash.c).
 * Each is checked against tree-sitter itself on hand-made snippets and on
 * every rule fixture of tests/rules. */
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

#include "engine.h"
#include "rule.h"
#include "statements.h"
#include "structhash.h"
#include "syntax.h"

/* A probe rule: for every function the review looks at, the walk's count must
 * equal pr_statement_count's. */
static uint32_t probe_defs, probe_mismatches;
static void probe_def(pr_ctx *ctx, TSNode def) {
  probe_defs++;
  uint32_t walked = pr_def_statement_count(ctx, def), counted = pr_statement_count(ctx->text, def);
  if (walked != counted) {
    probe_mismatches++;
    fprintf(stderr, "%s:%u: the walk counts %u statements, pr_statement_count %u\n", ctx->path,
            ts_node_start_point(def).row + 1, walked, counted);
  }
}
static const pr_rule probe_rule = {.code = "PRB003", .name = "probe-statement-counts", .category = "Test",
                                   .summary = "", .doc = "", .kinds = {pr_kind_function_definition},
                                   .on_node = probe_def};

/* Reviews src with only the probe: returns the functions it compared. */
static uint32_t probe_counts(const char *src, uint32_t len, const char *what) {
  TSParser *parser = pr_parser_new();
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, len);
  pr_selection none = {{0}};
  const pr_rule *extra[] = {&probe_rule};
  pr_review_options opts = {.path = what, .selection = &none, .extra_rules = extra, .extra_rule_count = 1};
  pr_review review;
  uint32_t before = probe_defs;
  assert_int_equal(pr_review_file(src, len, tree, &opts, &review), PR_REVIEW_OK);
  pr_review_free(&review);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return probe_defs - before;
}

/* A statement of the module indented (engine.c reads it as an ERROR node). */
static bool stranded(const char *src, TSNode n, uint32_t depth) {
  uint32_t start = ts_node_start_byte(n);
  return depth == 1 && ts_node_is_named(n) && pr_node_kind(n) != pr_kind_comment && start > 0 &&
         (src[start - 1] == ' ' || src[start - 1] == '\t') && ts_node_start_point(n).column > 0 &&
         strspn(src + start - ts_node_start_point(n).column, " \t") >= ts_node_start_point(n).column;
}

/* A string pr_struct_hash_plain_string calls plain must have only a start, a
 * content and an end below it, and hash as pr_struct_hash descending it
 * does. Returns whether it is plain. */
static bool check_string(const char *src, TSNode n, const char *what) {
  uint64_t value;
  bool ur;
  if (!pr_struct_hash_plain_string(src, n, &ur, &value)) return false;
  for (uint32_t i = 0; i < ts_node_child_count(n); i++) {
    pr_kind k = pr_node_kind(ts_node_child(n, i));
    if (k != pr_kind_string_start && k != pr_kind_string_content && k != pr_kind_string_end)
      fail_msg("%s:%u: a plain string holds a %s", what, ts_node_start_point(n).row + 1,
               ts_node_type(ts_node_child(n, i)));
  }
  if (value != pr_struct_hash(src, n))
    fail_msg("%s:%u: a plain string's hash differs from its descended one", what, ts_node_start_point(n).row + 1);
  return true;
}

/* The same for a concatenation: plain when each of its strings is and no
 * comment stands between them, and then hashed as descended. */
static bool check_concatenation(const char *src, TSNode n, const char *what) {
  uint64_t value;
  bool ur;
  if (!pr_struct_hash_plain_concatenation(src, n, ts_node_symbol(n), &ur, &value)) return false;
  for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
    TSNode c = ts_node_named_child(n, i);
    if (pr_node_kind(c) != pr_kind_string || !check_string(src, c, what))
      fail_msg("%s:%u: a plain concatenation holds a %s that is not a plain string", what,
               ts_node_start_point(n).row + 1, ts_node_type(c));
  }
  if (value != pr_struct_hash(src, n))
    fail_msg("%s:%u: a plain concatenation's hash differs from its descended one", what,
             ts_node_start_point(n).row + 1);
  return true;
}

/* Checks every function of `src`: the review's walk counts what
 * pr_statement_count counts. And for every node, pr_children gives exactly
 * ts_node_named_child's children. Returns the number of functions. */
static uint32_t check_source(const char *src, uint32_t len, const char *what) {
  TSParser *parser = pr_parser_new();
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, len);
  assert_non_null(tree);
  uint32_t functions = 0, error_depth = UINT32_MAX;  /* depth of the ERROR node we are in */
  TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
  for (bool more = true; more;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    uint32_t depth = ts_tree_cursor_current_depth(&c);
    if (depth <= error_depth) error_depth = UINT32_MAX;
    if (error_depth == UINT32_MAX && (pr_node_kind(n) == pr_kind_ERROR || stranded(src, n, depth))) error_depth = depth;
    pr_children it;
    TSNode child;
    uint32_t i = 0;
    for (pr_children_start(&it, n); pr_children_next(&it, &child); i++) {
      if (!ts_node_eq(child, ts_node_named_child(n, i))) fail_msg("%s: child %u of a %s differs", what, i, ts_node_type(n));
    }
    pr_children_end(&it);
    if (i != ts_node_named_child_count(n)) fail_msg("%s: %u children of %u", what, i, ts_node_named_child_count(n));
    if (pr_node_kind(n) == pr_kind_string) check_string(src, n, what);
    if (pr_node_kind(n) == pr_kind_concatenated_string) check_concatenation(src, n, what);
    /* the review reads ERROR nodes and stranded statements for names only */
    if (pr_node_kind(n) == pr_kind_function_definition && error_depth == UINT32_MAX) functions++;
    if (ts_tree_cursor_goto_first_child(&c)) continue;
    while (!(more = ts_tree_cursor_goto_next_sibling(&c)))
      if (!ts_tree_cursor_goto_parent(&c)) break;
  }
  ts_tree_cursor_delete(&c);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  uint32_t mismatches = probe_mismatches;
  uint32_t probed = probe_counts(src, len, what);
  if (probed != functions) fail_msg("%s: the review looked at %u of %u functions", what, probed, functions);
  if (probe_mismatches != mismatches) fail_msg("%s: statement counts differ (above)", what);
  return functions;
}

static TSNode first_function(TSTree *tree) {
  TSNode root = ts_tree_root_node(tree);
  for (uint32_t i = 0; i < ts_node_named_child_count(root); i++)
    if (pr_node_kind(ts_node_named_child(root, i)) == pr_kind_function_definition)
      return ts_node_named_child(root, i);
  return (TSNode){0};
}

/* pr_statement_count on the first function, and the walk's count agreeing. */
static void expect_count(const char *src, uint32_t count) {
  TSParser *parser = pr_parser_new();
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)strlen(src));
  TSNode def = first_function(tree);
  assert_false(ts_node_is_null(def));
  assert_int_equal(pr_statement_count(src, def), count);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  uint32_t mismatches = probe_mismatches;
  assert_true(probe_counts(src, (uint32_t)strlen(src), "snippet") >= 1);
  if (probe_mismatches != mismatches) fail_msg("the walk's count differs on: %s", src);
}

static void test_counts_of_the_usual_cases(void **state) {
  /* blank lines, comments, a docstring, a multi-line call: 2 statements */
  expect_count("def f():\n    \"\"\"Doc:\n    many lines; here.\n    \"\"\"\n\n    # note: x; y\n"
               "    x = call(a,\n             b,\n             c)\n    return x\n",
               2);
  /* a header's colon and `;` on one line: `if` + 3 statements */
  expect_count("def f():\n    if x: a = 1; b = 2\n    return 3\n", 4);
  /* clauses are not statements; what they hold is */
  expect_count("def f():\n    try:\n        a()\n    except E:\n        b()\n    else:\n        c()\n"
               "    finally:\n        d()\n", 5);
  /* a nested def or class counts 1 without its body; a decorated one too */
  expect_count("def f():\n    def g():\n        a = 1\n        return a\n    @d\n    class C:\n        x = 1\n"
               "    return g\n", 3);
  /* match cases, with, while/else and a lambda */
  expect_count("def f(x):\n    match x:\n        case 1:\n            a = 1\n        case _:\n            pass\n"
               "    with open(p) as h:\n        h.read()\n    while x:\n        break\n    else:\n        y = lambda: 0\n",
               8);
  /* statements inside an ERROR node are not counted */
  expect_count("def f():\n    a = 1\n    b = (2 +\n    return a\n", 1);
  /* a docstring alone */
  expect_count("def f():\n    \"\"\"Only this.\"\"\"\n", 0);
  /* Python 3.12 f-strings may nest their own quotes */
  expect_count("def f():\n    s = f\"{d[\"(\"]}\"\n    return s\n", 2);
}

/* The innermost node of `kind` around byte `at` of `tree`, or a null node. */
static TSNode around(TSTree *tree, uint32_t at, pr_kind kind) {
  TSNode n = ts_node_descendant_for_byte_range(ts_tree_root_node(tree), at, at + 1);
  while (!ts_node_is_null(n) && pr_node_kind(n) != kind) n = ts_node_parent(n);
  return n;
}

/* Strings of every shape: which are plain, and (check_string) that a plain
 * one hashes as if descended. */
static void test_plain_strings(void **state) {
  static const struct { const char *src; bool plain; } cases[] = {
    {"x = 'a'\n", true}, {"x = \"\"\n", true}, {"x = ''''''\n", true}, {"x = '''a\nb'''\n", true},
    {"x = b'\\x00\\n'\n", true}, {"x = u'a'\n", true}, {"x = Rb'a'\n", true}, {"x = '\\\\'\n", true},
    {"x = '\\''\n", true}, {"x = r'a\\b'\n", false}, {"x = r'\\''\n", false}, {"x = r'\\\\'\n", false},
    {"x = f'a'\n", false}, {"x = F'{a}'\n", false}, {"x = rf'{a}'\n", false}, {"x = 'a\n", false}, {"x = '''a\n", false},
    {"x = 'a\\\nb'\n", true}, {"x = \"it's\"\n", true}, {"x = ur'a'\n", true}, {"x = 'a\\\\\\''\n", true},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *src = cases[i].src;
    TSParser *parser = pr_parser_new();
    TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)strlen(src));
    TSNode n = around(tree, 4, pr_kind_string);
    /* an unclosed quote may leave no string at all, only an ERROR */
    if (ts_node_is_null(n) && cases[i].plain) fail_msg("no string in: %s", src);
    if (!ts_node_is_null(n) && check_string(src, n, src) != cases[i].plain)
      fail_msg("plain should be %d: %s", cases[i].plain, src);
    ts_tree_delete(tree);
    ts_parser_delete(parser);
  }
}

/* Concatenations: which are plain (check_concatenation checks the rest). */
static void test_plain_concatenations(void **state) {
  static const struct { const char *src; bool plain; bool ur; } cases[] = {
    {"x = 'a' 'b'\n", true, false}, {"x = ('a'\n     \"b\"\n     '''c''')\n", true, false},
    {"x = 'a' \\\n    'b'\n", true, false}, {"x = ('a'  # note\n     'b')\n", false, false},
    {"x = 'a' f'{b}'\n", false, false}, {"x = 'a' r'\\d'\n", false, false}, {"x = 'a' ur'b'\n", true, true},
    {"x = b'a' b'b'\n", true, false}, {"x = ('a'\n\n     'b')\n", true, false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *src = cases[i].src;
    TSParser *parser = pr_parser_new();
    TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)strlen(src));
    TSNode n = around(tree, 5, pr_kind_concatenated_string);
    if (ts_node_is_null(n)) fail_msg("no concatenation in: %s", src);
    if (check_concatenation(src, n, src) != cases[i].plain) fail_msg("plain should be %d: %s", cases[i].plain, src);
    bool ur = false;
    if (cases[i].plain && (!pr_struct_hash_plain_concatenation(src, n, ts_node_symbol(n), &ur, NULL) || ur != cases[i].ur))
      fail_msg("ur should be %d: %s", cases[i].ur, src);
    ts_tree_delete(tree);
    ts_parser_delete(parser);
  }
}

static void test_counts_and_children_on_fixtures(void **state) {
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
    cmocka_unit_test(test_counts_of_the_usual_cases),
    cmocka_unit_test(test_counts_and_children_on_fixtures),
    cmocka_unit_test(test_plain_strings),
    cmocka_unit_test(test_plain_concatenations),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
