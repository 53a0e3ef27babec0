/* Unit tests: literal file modes (core/filemode.c) and the catalog's
 * terminators (core/statements.c), seen through probe rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "engine.h"
#include "filemode.h"
#include "names.h"
#include "statements.h"

static char probe_out[8192];

/* For each call `mode(EXPR)`: the octal value of EXPR, or "-" when it is not a literal mode. */
static void probe_mode(pr_ctx *ctx, TSNode call) {
  if (!pr_text_is(ctx, pr_child(call, pr_field_function), "mode")) return;
  uint64_t v;
  size_t n = strlen(probe_out);
  if (pr_literal_file_mode(ctx, pr_call_positional(call, 0), ctx->scope, &v))
    snprintf(probe_out + n, sizeof probe_out - n, "%llo\n", (unsigned long long)v);
  else
    snprintf(probe_out + n, sizeof probe_out - n, "-\n");
}

/* For each function: "name:yes" when its body ends in a terminator, else "name:no". */
static void probe_terminator(pr_ctx *ctx, TSNode def) {
  uint32_t len;
  const char *name = pr_text(ctx, pr_child(def, pr_field_name), &len);
  char buf[64];
  snprintf(buf, sizeof buf, "%.*s", (int)len, name);
  uint32_t scope = ctx->own_scope != PR_NONE ? ctx->own_scope : ctx->scope;
  size_t n = strlen(probe_out);
  snprintf(probe_out + n, sizeof probe_out - n, "%s:%s\n", buf,
           pr_block_ends_in_terminator(ctx, pr_child(def, pr_field_body), scope) ? "yes" : "no");
}

static const pr_rule probe_mode_rule = {.code = "PRB001", .name = "probe-mode", .category = "Test", .summary = "",
                                        .doc = "", .kinds = {pr_kind_call}, .on_node = probe_mode};
static const pr_rule probe_term_rule = {.code = "PRB002", .name = "probe-terminator", .category = "Test",
                                        .summary = "", .doc = "", .kinds = {pr_kind_function_definition},
                                        .on_node = probe_terminator};

static const char *run_probe(const pr_rule *rule, const char *src) {
  probe_out[0] = 0;
  TSParser *parser = pr_parser_new();
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)strlen(src));
  pr_selection none = {{0}};
  const pr_rule *extra[] = {rule};
  pr_review_options opts = {.path = "probe.py", .selection = &none, .extra_rules = extra, .extra_rule_count = 1};
  pr_review review;
  assert_int_equal(pr_review_file(src, (uint32_t)strlen(src), tree, &opts, &review), PR_REVIEW_OK);
  pr_review_free(&review);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return probe_out;
}

static void literal_modes_follow_the_catalog(void **state) {
  (void)state;
  const char *src =
      "import stat\n"
      "import stat as st\n"
      "from stat import S_IWOTH, S_IRWXU\n"
      "M = 0o777\n"
      "mode(0o777)\n"
      "mode(0777)\n"
      "mode(0775L)\n"
      "mode(511)\n"
      "mode(0x1ff)\n"
      "mode(0b111_111_111)\n"
      "mode(stat.S_IRWXU | stat.S_IRGRP)\n"
      "mode(st.S_IWGRP)\n"
      "mode(S_IWOTH + S_IRWXU)\n"
      "mode((0o777 & 0o755) ^ 0o011)\n"
      "mode(M)\n"
      "mode(0o777 - 1)\n"
      "mode(~0o022)\n"
      "mode(stat.S_IMODE(x))\n"
      "mode(1.5)\n"
      "mode(99999999999999999999999)\n";
  assert_string_equal(run_probe(&probe_mode_rule, src),
                      "777\n777\n775\n777\n777\n777\n740\n20\n702\n744\n-\n-\n-\n-\n-\n"
                      /* an oversized literal keeps its low bits */
                      "13077024536637777777\n");
}

static void terminators_follow_the_catalog(void **state) {
  (void)state;
  const char *src =
      "import sys, os, pytest\n"
      "from typing import NoReturn\n"
      "def t_return():\n    return 1\n"
      "def t_exit():\n    sys.exit(1)\n"
      "def t_abort():\n    os.abort()\n"
      "def t_pytest():\n    pytest.skip('x')\n"
      "def t_if_else():\n    if a:\n        return 1\n    elif b:\n        raise E\n    else:\n        x = 1\n        return 2\n"
      "def t_if_no_else():\n    if a:\n        return 1\n"
      "def t_if_branch_open():\n    if a:\n        return 1\n    else:\n        x = 1\n"
      "def t_try_finally():\n    try:\n        x()\n    finally:\n        return 1\n"
      "def t_try_all():\n    try:\n        return x()\n    except E:\n        raise\n"
      "def t_try_handler_open():\n    try:\n        return x()\n    except E:\n        pass\n"
      "def t_while_true():\n    while True:\n        x()\n"
      "def t_while_break():\n    while True:\n        break\n"
      "def t_while_inner_break():\n    while True:\n        for i in y:\n            break\n"
      "def t_for():\n    for i in y:\n        return i\n"
      "def t_with():\n    with x:\n        return 1\n"
      "def t_match():\n    match x:\n        case 1:\n            return 1\n        case _:\n            raise E\n"
      "def t_match_refutable():\n    match x:\n        case 1:\n            return 1\n        case y:\n            return 2\n"
      "def t_local_noreturn():\n    def die() -> NoReturn:\n        raise E\n    die()\n"
      "def other() -> NoReturn:\n    raise E\n"
      /* another top-level function's annotation is not read (incremental review) */
      "def t_other_function():\n    other()\n"
      "class C:\n    def t_self_fail(self):\n        self.fail('x')\n";
  assert_string_equal(run_probe(&probe_term_rule, src),
                      "t_return:yes\nt_exit:yes\nt_abort:yes\nt_pytest:yes\nt_if_else:yes\nt_if_no_else:no\n"
                      "t_if_branch_open:no\nt_try_finally:yes\nt_try_all:yes\nt_try_handler_open:no\n"
                      "t_while_true:yes\nt_while_break:no\nt_while_inner_break:yes\nt_for:no\nt_with:no\n"
                      "t_match:yes\nt_match_refutable:no\nt_local_noreturn:yes\ndie:yes\nother:yes\n"
                      "t_other_function:no\nt_self_fail:yes\n");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(literal_modes_follow_the_catalog),
    cmocka_unit_test(terminators_follow_the_catalog),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
