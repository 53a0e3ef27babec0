/* Unit tests: TOML 1.0 decoding (core/config/toml.c): every value form,
 * escapes, keys, headers, and malformed documents with their messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "toml.h"

/* A compact rendering of a value: {k=v,...} [a,b] "s" 1 1.5 true date. */
static void dump(const pr_toml_value *v, char *out, size_t cap, size_t *o) {
#define PUT(...) (*o += (size_t)snprintf(out + *o, *o < cap ? cap - *o : 0, __VA_ARGS__))
  switch (v->type) {
  case PR_TOML_TABLE:
    PUT("{");
    for (uint32_t i = 0; i < v->count; i++) {
      PUT("%s%.*s=", i ? "," : "", (int)v->pairs[i].key_len, v->pairs[i].key);
      dump(v->pairs[i].value, out, cap, o);
    }
    PUT("}");
    break;
  case PR_TOML_ARRAY:
    PUT("[");
    for (uint32_t i = 0; i < v->count; i++) {
      if (i) PUT(",");
      dump(v->items[i], out, cap, o);
    }
    PUT("]");
    break;
  case PR_TOML_STRING: PUT("\"%.*s\"", (int)v->str_len, v->str); break;
  case PR_TOML_INTEGER: PUT("%lld", (long long)v->integer); break;
  case PR_TOML_FLOAT: PUT("%g", v->number); break;
  case PR_TOML_BOOLEAN: PUT("%s", v->boolean ? "true" : "false"); break;
  case PR_TOML_DATETIME: PUT("<%.*s>", (int)v->str_len, v->str); break;
  }
#undef PUT
}

/* The document rendered, or "line:col: message". */
static const char *parse(const char *text) {
  static char out[4096];
  pr_toml_doc doc;
  pr_toml_error err;
  if (pr_toml_parse(text, strlen(text), &doc, &err) != 0) {
    assert_null(doc.root);
    snprintf(out, sizeof out, "%u:%u: %s", err.line, err.col, err.message);
    return out;
  }
  size_t o = 0;
  dump(doc.root, out, sizeof out, &o);
  pr_toml_free(&doc);
  return out;
}

static void test_scalars(void **state) {
  assert_string_equal(parse("a = 1\nb = -17\nc = +3\nd = 1_000\n"), "{a=1,b=-17,c=3,d=1000}");
  assert_string_equal(parse("h = 0xDEAD_beef\no = 0o755\nb = 0b1101\n"), "{h=3735928559,o=493,b=13}");
  assert_string_equal(parse("m = 9223372036854775807\nn = -9223372036854775808\n"),
                      "{m=9223372036854775807,n=-9223372036854775808}");
  assert_string_equal(parse("f = 1.5\ng = -2e3\nh = 6.626e-34\ni = 1_0.2_5\n"), "{f=1.5,g=-2000,h=6.626e-34,i=10.25}");
  assert_string_equal(parse("a = inf\nb = -inf\nc = nan\n"), "{a=inf,b=-inf,c=nan}");
  assert_string_equal(parse("t = true\nf = false\n"), "{t=true,f=false}");
  assert_string_equal(parse("d = 1979-05-27T07:32:00Z\nl = 1979-05-27\nt = 07:32:00\n"),
                      "{d=<1979-05-27T07:32:00Z>,l=<1979-05-27>,t=<07:32:00>}");
  assert_string_equal(parse("# only a comment\n\n"), "{}");
  assert_string_equal(parse(""), "{}");
}

static void test_strings(void **state) {
  assert_string_equal(parse("s = \"tab\\tquote\\\" back\\\\ nl\\n\"\n"), "{s=\"tab\tquote\" back\\ nl\n\"}");
  assert_string_equal(parse("s = \"\\b\\f\\r\"\n"), "{s=\"\b\f\r\"}");
  assert_string_equal(parse("s = \"\\u00e9\\U0001F600\"\n"), "{s=\"\xc3\xa9\xf0\x9f\x98\x80\"}");
  assert_string_equal(parse("s = 'C:\\path\\n'\n"), "{s=\"C:\\path\\n\"}");
  assert_string_equal(parse("s = \"\"\"\nline one\nline two\"\"\"\n"), "{s=\"line one\nline two\"}");
  assert_string_equal(parse("s = \"\"\"\\\n    The quick \\\n    fox.\"\"\"\n"), "{s=\"The quick fox.\"}");
  assert_string_equal(parse("s = \"\"\"a \\\n\n   b\"\"\"\n"), "{s=\"a b\"}");
  assert_string_equal(parse("s = '''\nraw \\n text\n'''\n"), "{s=\"raw \\n text\n\"}");
  assert_string_equal(parse("s = \"\"\"two \"quotes\" \"\"\"\n"), "{s=\"two \"quotes\" \"}");
  assert_string_equal(parse("s = \"\"\n"), "{s=\"\"}");
}

static void test_bad_escapes(void **state) {
  assert_string_equal(parse("s = \"bad \\x41\"\n"), "1:10: invalid escape sequence '\\x'");
  assert_string_equal(parse("x = 1\ns = \"\\q\"\n"), "2:6: invalid escape sequence '\\q'");
  assert_string_equal(parse("a = 1\ns = \"\\uD800\"\n"), "2:6: \\uD800 is not a Unicode scalar value");
  assert_string_equal(parse("s = \"\\U00110000\"\n"), "1:6: \\U00110000 is not a Unicode scalar value");
  assert_string_equal(parse("s = \"\\u12\"\n"), "1:6: \\u needs 4 hexadecimal digits");
  assert_string_equal(parse("s = \"\\u00zz\"\n"), "1:6: \\u needs 4 hexadecimal digits");
  assert_string_equal(parse("s = \"\\é\"\n"), "1:6: invalid escape sequence");
}

static void test_keys(void **state) {
  assert_string_equal(parse("a.b.c = 1\na.b.d = 2\na.e = 3\n"), "{a={b={c=1,d=2},e=3}}");
  assert_string_equal(parse("\"quoted key\" = 1\n'lit.key' = 2\n\"a\\u0062\" = 3\n"),
                      "{quoted key=1,lit.key=2,ab=3}");
  assert_string_equal(parse("a . \"b.c\" . d = 1\n"), "{a={b.c={d=1}}}");
  assert_string_equal(parse("1234 = 'x'\n-_- = 'y'\n"), "{1234=\"x\",-_-=\"y\"}");
}

static void test_arrays_and_inline_tables(void **state) {
  assert_string_equal(parse("a = [1, 2, 3]\nb = []\nc = [ [1, 'x'], {k = true} ]\n"),
                      "{a=[1,2,3],b=[],c=[[1,\"x\"],{k=true}]}");
  assert_string_equal(parse("a = [\n  'x',  # a comment\n  'y',\n]\n"), "{a=[\"x\",\"y\"]}");
  assert_string_equal(parse("p = { x = 1, y.z = 2 }\n"), "{p={x=1,y={z=2}}}");
  assert_string_equal(parse("e = {}\n"), "{e={}}");
}

static void test_tables(void **state) {
  assert_string_equal(parse("top = 1\n[tool.pyreview]\nselect = ['SEC']\n[tool.other]\nx = 2\n"),
                      "{top=1,tool={pyreview={select=[\"SEC\"]},other={x=2}}}");
  assert_string_equal(parse("[[p]]\nn = 1\n[[p]]\nn = 2\n[p.sub]\nk = 3\n"), "{p=[{n=1},{n=2,sub={k=3}}]}");
  /* an implicit table may be defined later; a dotted-key table may get sub-tables */
  assert_string_equal(parse("[a.b]\nx = 1\n[a]\ny = 2\n"), "{a={b={x=1},y=2}}");
  assert_string_equal(parse("[f]\napple.color = 'red'\n[f.apple.texture]\nsmooth = true\n"),
                      "{f={apple={color=\"red\",texture={smooth=true}}}}");
  assert_string_equal(parse("[ a . 'b' ]\nx = 1\n"), "{a={b={x=1}}}");
}

static void test_positions(void **state) {
  pr_toml_doc doc;
  pr_toml_error err;
  const char *t = "# é\n[tool.pyreview]\n  \"naïve\" = 'é'\nmax = 3\n";
  assert_int_equal(pr_toml_parse(t, strlen(t), &doc, &err), 0);
  const pr_toml_value *tool = pr_toml_find(doc.root, "tool")->value;
  const pr_toml_pair *pr = pr_toml_find(tool, "pyreview");
  assert_int_equal(pr->line, 2);
  assert_int_equal(pr->col, 7);
  assert_int_equal(pr->value->line, 2);
  assert_int_equal(pr->value->col, 1);
  const pr_toml_pair *k = pr_toml_find(pr->value, "naïve");
  assert_non_null(k);
  assert_int_equal(k->line, 3);
  assert_int_equal(k->col, 3);
  assert_int_equal(k->value->col, 13);  /* code points: ï is one */
  assert_string_equal(k->value->str, "é");
  const pr_toml_pair *m = pr_toml_find(pr->value, "max");
  assert_int_equal(m->value->type, PR_TOML_INTEGER);
  assert_int_equal(m->line, 4);
  assert_int_equal(m->value->col, 7);
  assert_null(pr_toml_find(pr->value, "missing"));
  assert_null(pr_toml_find(m->value, "x"));
  pr_toml_free(&doc);
}

static void test_redefinitions(void **state) {
  assert_string_equal(parse("a = 1\nb = 2\na = 3\n"), "3:1: duplicate key 'a' (first defined at 1:1)");
  assert_string_equal(parse("[t]\nx = 1\n[t]\ny = 2\n"), "3:2: table 't' is defined twice (first at 1:2)");
  assert_string_equal(parse("a.b = 1\na.b.c = 2\n"), "2:1: 'a.b' is already defined at 1:3 and cannot be extended here");
  assert_string_equal(parse("a.b = 1\n[a]\n"), "2:2: table 'a' is defined twice (first at 1:1)");
  assert_string_equal(parse("[t]\nx.y = 1\n[t.x]\n"), "3:2: table 't.x' is defined twice (first at 2:1)");
  assert_string_equal(parse("p = {x = 1}\np.y = 2\n"), "2:1: 'p' is already defined at 1:1 and cannot be extended here");
  assert_string_equal(parse("p = {x = 1}\n[p.q]\n"), "2:2: 'p' is already defined at 1:1 as a inline table, not a table");
  assert_string_equal(parse("a = [1]\n[[a]]\n"), "2:3: 'a' is already defined at 1:1 and is not an array of tables");
  assert_string_equal(parse("s = 'x'\n[s.t]\n"), "2:2: 's' is already defined at 1:1 as a string, not a table");
  assert_string_equal(parse("p = {x = 1, x = 2}\n"), "1:13: duplicate key 'x' (first defined at 1:6)");
  assert_string_equal(parse("[[a]]\n[a]\n"), "2:2: table 'a' is defined twice (first at 1:3)");
}

static void test_syntax_errors(void **state) {
  assert_string_equal(parse("a = \n"), "1:5: syntax error: unexpected end of line");
  assert_string_equal(parse("a = 1\nb = [1, 2\n"), "2:10: syntax error: unexpected end of line");
  assert_string_equal(parse("a = \"unterminated\n"), "1:18: syntax error: unexpected end of line");
  assert_string_equal(parse("[table\nx = 1\n"), "1:7: syntax error: unexpected end of line");
  assert_string_equal(parse("a = 1 b = 2\n"), "1:7: syntax error: unexpected 'b'");
  assert_string_equal(parse("[a]]\n"), "1:4: syntax error: unexpected ']'");
  assert_string_equal(parse("a = [1, x]\n"), "1:9: syntax error: unexpected 'x'");
  assert_string_equal(parse("a = 0x\n"), "1:7: syntax error: unexpected end of line");
  assert_string_equal(parse("a = 9223372036854775808\n"), "1:5: integer out of range");
  assert_string_equal(parse("a = 0xFFFFFFFFFFFFFFFFF\n"), "1:5: integer out of range");
  assert_string_equal(parse("ok = 1\nbad = \"\xff\"\n"), "2:8: not valid UTF-8");
}

static void test_deep_nesting(void **state) {
  size_t n = 100000;
  char *t = malloc(2 * n + 8);
  assert_non_null(t);
  memcpy(t, "a = ", 4);
  memset(t + 4, '[', n);
  memset(t + 4 + n, ']', n);
  strcpy(t + 4 + 2 * n, "\n");
  assert_string_equal(parse(t), "1:105: arrays and inline tables nested more than 100 deep");
  /* 100 deep is fine */
  memset(t + 4, '[', 100);
  memset(t + 104, ']', 100);
  strcpy(t + 204, "\n");
  const char *r = parse(t);
  assert_int_equal(r[0], '{');
  free(t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_scalars),
    cmocka_unit_test(test_strings),
    cmocka_unit_test(test_bad_escapes),
    cmocka_unit_test(test_keys),
    cmocka_unit_test(test_arrays_and_inline_tables),
    cmocka_unit_test(test_tables),
    cmocka_unit_test(test_positions),
    cmocka_unit_test(test_redefinitions),
    cmocka_unit_test(test_syntax_errors),
    cmocka_unit_test(test_deep_nesting),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
