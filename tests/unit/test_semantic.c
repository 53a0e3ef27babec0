/* Unit tests: the semantic model (core/semantic.c, built by core/engine.c),
 * qualified names (core/names.c) and literal values (core/literal.c), seen
 * through a probe rule run alongside the registered ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "engine.h"
#include "literal.h"
#include "names.h"

static char probe_out[8192];

/* For each call `probe(EXPR)`: "qualified literal" of EXPR, one line each. */
static void probe_call(pr_ctx *ctx, TSNode call) {
  TSNode fn = pr_child(call, pr_field_function);
  if (!pr_text_is(ctx, fn, "probe")) return;
  TSNode arg = pr_call_positional(call, 0);
  char q[128];
  if (!pr_qualified_name(ctx, arg, ctx->scope, q, sizeof q)) strcpy(q, "-");
  size_t n = strlen(probe_out);
  snprintf(probe_out + n, sizeof probe_out - n, "%s %s\n", q, pr_is_literal(ctx, arg, ctx->scope) ? "literal" : "nonliteral");
}

/* At the end: "name:kind:used" for every binding of a function-level scope. */
static void probe_bindings(pr_ctx *ctx) {
  const pr_model *m = ctx->model;
  static const char *const kinds[] = {"assign", "augassign", "annassign", "annotation", "walrus", "for", "with",
                                      "except", "import", "param", "def", "class", "global", "nonlocal", "del", "match"};
  for (uint32_t i = 0; i < m->binding_count; i++) {
    const pr_binding *b = &m->bindings[i];
    if (m->scopes[b->scope].kind == PR_SCOPE_MODULE) continue;
    size_t n = strlen(probe_out);
    snprintf(probe_out + n, sizeof probe_out - n, "%s:%s:%s%s\n", b->name, kinds[b->kind],
             m->symbols[b->symbol].used ? "used" : "unused", (b->flags & PR_BF_UNPACKED) ? ":unpacked" : "");
  }
}

static const pr_rule probe_calls_rule = {.code = "PRB001", .name = "probe-calls", .category = "Test",
                                         .summary = "", .doc = "", .kinds = {pr_kind_call}, .on_node = probe_call};
static const pr_rule probe_bindings_rule = {.code = "PRB002", .name = "probe-bindings", .category = "Test",
                                            .summary = "", .doc = "", .on_file_end = probe_bindings};

static const char *run_probe(const pr_rule *rule, const char *src) {
  probe_out[0] = 0;
  TSParser *parser = pr_parser_new();
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)strlen(src));
  pr_selection none = {{0}};
  const pr_rule *extra[] = {rule};
  pr_review_options opts = {.path = "probe.py", .selection = &none, .extra_rules = extra, .extra_rule_count = 1};
  pr_review review;
  assert_int_equal(pr_review_file(src, (uint32_t)strlen(src), tree, &opts, &review), PR_REVIEW_OK);
  assert_int_equal(review.count, 0);
  pr_review_free(&review);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return probe_out;
}

static void imports_give_qualified_names(void **state) {
  const char *out = run_probe(&probe_calls_rule,
    "import subprocess as sp\n"
    "import os.path\n"
    "from pickle import loads\n"
    "from yaml import Loader as L\n"
    "def f():\n"
    "    probe(sp.run)\n"
    "    probe(os.path.join)\n"
    "    probe(loads)\n"
    "    probe(L)\n"
    "    probe(tempfile.mktemp)\n"
    "    import json\n"
    "    probe(json.loads)\n");
  assert_string_equal(out,
    "subprocess.run nonliteral\n"
    "os.path.join nonliteral\n"
    "pickle.loads nonliteral\n"
    "yaml.Loader nonliteral\n"
    "tempfile.mktemp nonliteral\n"
    "json.loads nonliteral\n");
}

static void module_names_resolve_by_position_at_module_level_and_to_the_last_in_functions(void **state) {
  const char *out = run_probe(&probe_calls_rule,
    "probe(eval)\n"              /* before the def: the builtin */
    "def use():\n"
    "    probe(eval)\n"          /* in a function: the last module binding, the def */
    "def eval(s):\n"
    "    return s\n"
    "probe(eval)\n");            /* after the def: the def */
  assert_string_equal(out, "eval nonliteral\n- nonliteral\n- nonliteral\n");
}

static void literal_values_follow_the_catalog(void **state) {
  const char *out = run_probe(&probe_calls_rule,
    "QUERY = 'SELECT 1'\n"
    "TWICE = 'a'\n"
    "TWICE = 'b'\n"
    "REBOUND = 'x'\n"
    "def g():\n"
    "    global REBOUND\n"
    "    REBOUND = 'y'\n"
    "def f(param):\n"
    "    local = 'ls -l'\n"
    "    probe('a' 'b')\n"
    "    probe('a' + 'b' % ('c',))\n"
    "    probe('{}-{}'.format('a', 1))\n"
    "    probe(f'plain')\n"
    "    probe(f'{param}')\n"
    "    probe(QUERY)\n"
    "    probe(local)\n"
    "    probe(local + param)\n"
    "    probe(TWICE)\n"
    "    probe(REBOUND)\n"
    "    probe(param)\n"
    "    probe(shlex.quote('x'))\n");
  assert_string_equal(out,
    "- literal\n- literal\n- literal\n- literal\n- nonliteral\n- literal\n- literal\n- nonliteral\n"
    "- nonliteral\n- nonliteral\n- nonliteral\n- nonliteral\n");
}

static void reads_resolve_the_python_way(void **state) {
  const char *out = run_probe(&probe_bindings_rule,
    "def outer(items):\n"
    "    total = 0\n"                 /* read by the nested function */
    "    count = 0\n"                 /* only written by nonlocal: used (nested nonlocal) */
    "    unused = 1\n"
    "    a, b = items\n"
    "    def inner():\n"
    "        nonlocal count\n"
    "        count = total\n"
    "    data = [x for x in data2] if (data2 := items) else []\n"  /* walrus binds in outer */
    "    class K:\n"
    "        attr = 1\n"
    "        def m(self):\n"
    "            return attr\n"       /* class attributes are invisible to methods */
    "    return data, inner, K\n");
  assert_string_equal(out,
    "items:param:used\n"
    "total:assign:used\n"
    "count:assign:used\n"
    "unused:assign:unused\n"
    "a:assign:unused:unpacked\n"
    "b:assign:unused:unpacked\n"
    "inner:def:used\n"
    "count:nonlocal:unused\n"
    "count:assign:unused\n"
    "data:assign:used\n"
    "x:for:used\n"
    "data2:walrus:used\n"
    "K:class:used\n"
    "attr:assign:unused\n"
    "m:def:unused\n"
    "self:param:unused\n");
}

static void global_and_nonlocal_rebinding_and_tuple_and_conditional_values(void **state) {
  const char *out = run_probe(&probe_calls_rule,
    "A, B = 'x', 'y'\n"
    "C, D = 'x', f()\n"
    "E, *F = 'x', 'y'\n"
    "def setup():\n"
    "    global eval\n"
    "    eval = my_eval\n"
    "def f(c, x):\n"
    "    q = 'users'\n"
    "    def g():\n"
    "        nonlocal q\n"
    "        q = x\n"
    "    probe(eval)\n"                    /* the module's eval, bound through global: not the builtin */
    "    probe(A)\n"
    "    probe(D)\n"
    "    probe(E)\n"
    "    probe(q)\n"                       /* rebound by g's nonlocal: not literal */
    "    probe('a' if c else 'b')\n"
    "    probe('a' if c else x)\n");
  assert_string_equal(out,
    "- nonliteral\n"
    "- literal\n- nonliteral\n- nonliteral\n"
    "- nonliteral\n"
    "- literal\n- nonliteral\n");
}

/* The raw-text searches behind the rules' per-file gates. */
static void text_searches_find_words(void **state) {
  (void)state;
  const char *t = "cursor.executed = 1  # executes\ncur.execute(q)\nx_raw = draw(raw)\n";
  uint32_t n = (uint32_t)strlen(t);
  assert_int_equal(pr_text_find(t, n, 0, "execute"), 7);
  assert_int_equal(pr_text_find(t, n, 8, "execute"), 23);
  assert_int_equal(pr_text_find_word(t, n, 0, "execute"), 36);
  assert_int_equal(pr_text_find_word(t, n, 0, "raw"), 60);
  assert_int_equal(pr_text_find_word(t, n, 62, "raw"), n);
  assert_int_equal(pr_text_find(t, n, 0, "absent"), n);
  assert_int_equal(pr_text_find(t, n, n, "x"), n);
  assert_int_equal(pr_text_find_word("raw", 3, 0, "raw"), 0);
  assert_int_equal(pr_text_find_word("éraw", 5, 0, "raw"), 5);  /* a letter before it, even non-ASCII */
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(imports_give_qualified_names),
    cmocka_unit_test(module_names_resolve_by_position_at_module_level_and_to_the_last_in_functions),
    cmocka_unit_test(literal_values_follow_the_catalog),
    cmocka_unit_test(reads_resolve_the_python_way),
    cmocka_unit_test(global_and_nonlocal_rebinding_and_tuple_and_conditional_values),
    cmocka_unit_test(text_searches_find_words),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
