/* TST001 assert-true-comparison: assertTrue/assertFalse on a comparison or isinstance call.
 *
 * ## What it does
 * Flags `assertTrue(x)` and `assertFalse(x)` where `x` is a comparison with a
 * single operator (`==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`, `is`,
 * `is not`) or an `isinstance(...)` call, and names the specific assertion to
 * use instead. Chained comparisons (`a < b < c`) and `and`/`or` expressions are
 * not flagged, nor `assertFalse` of an ordering comparison (`<`, `<=`, `>`,
 * `>=`): its negation is not the opposite order for partial orders, sets and
 * NaN (`assertFalse(s1 < s2)` on sets is not `assertGreaterEqual`), and
 * unittest has no `assertNotLess`.
 *
 * ## Why is this bad?
 * When `assertTrue(a == b)` fails it says only "False is not true": the values
 * that differed are lost. The specific assertions (`assertEqual`, `assertIn`,
 * `assertIsNone`, `assertIsInstance`, ...) print both operands, and
 * `assertEqual` shows a diff of long strings, lists and dicts.
 *
 * ## Example
 * ```python
 * self.assertTrue(response.status_code == 200)
 * self.assertFalse(user is None)
 * self.assertTrue(isinstance(result, dict), "bad result")
 * ```
 *
 * ## Use instead
 * ```python
 * self.assertEqual(response.status_code, 200)
 * self.assertIsNotNone(user)
 * self.assertIsInstance(result, dict, "bad result")
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <stdio.h>
#include <string.h>

/* Longest operand text quoted in a message; longer or multi-line operands are elided. */
#define TST001_MAX_OPERAND 40

/* One comparison operator and the assertions replacing assertTrue / assertFalse on it. */
typedef struct tst001_op {
  const char *op;
  const char *if_true;   /* for assertTrue(a OP b) */
  const char *if_false;  /* for assertFalse(a OP b) */
} tst001_op;

static const tst001_op tst001_ops[] = {
  {"==", "assertEqual", "assertNotEqual"},
  {"!=", "assertNotEqual", "assertEqual"},
  {"<>", "assertNotEqual", "assertEqual"},  /* Python 2 */
  {"<", "assertLess", "assertGreaterEqual"},
  {"<=", "assertLessEqual", "assertGreater"},
  {">", "assertGreater", "assertLessEqual"},
  {">=", "assertGreaterEqual", "assertLess"},
  {"in", "assertIn", "assertNotIn"},
  {"not in", "assertNotIn", "assertIn"},
  {"is", "assertIs", "assertIsNot"},
  {"is not", "assertIsNot", "assertIs"},
};

/* The operand's text for a message, or `fallback` when too long or spanning lines. */
static void tst001_operand(const pr_ctx *ctx, TSNode node, const char *fallback, char *buf, size_t cap) {
  uint32_t len;
  const char *s = pr_text(ctx, node, &len);
  if (len == 0 || len > TST001_MAX_OPERAND || memchr(s, '\n', len) || memchr(s, '\r', len) ||
      memchr(s, '`', len)) {
    snprintf(buf, cap, "%s", fallback);
    return;
  }
  snprintf(buf, cap, "%.*s", (int)len, s);
}

/* The argument text as written, shortened to its operator when it is long. */
static void tst001_argument(const pr_ctx *ctx, TSNode arg, const char *op, char *buf, size_t cap) {
  uint32_t len;
  const char *s = pr_text(ctx, arg, &len);
  if (len <= 2 * TST001_MAX_OPERAND && !memchr(s, '\n', len) && !memchr(s, '\r', len) && !memchr(s, '`', len))
    snprintf(buf, cap, "%.*s", (int)len, s);
  else
    snprintf(buf, cap, "... %s ...", op);
}

/* The single operator of a comparison (its text), or NULL when it is chained. */
static const tst001_op *tst001_comparison_op(const pr_ctx *ctx, TSNode cmp) {
  TSFieldId operators = pr_field_id(pr_field_operators);
  const tst001_op *found = NULL;
  uint32_t count = 0, n = ts_node_child_count(cmp);
  TSTreeCursor c = ts_tree_cursor_new(cmp);
  bool more = ts_tree_cursor_goto_first_child(&c);
  for (uint32_t i = 0; more && i < n; i++, more = ts_tree_cursor_goto_next_sibling(&c)) {
    if (ts_tree_cursor_current_field_id(&c) != operators) continue;
    count++;
    TSNode op = ts_tree_cursor_current_node(&c);
    /* `not in` / `is not` are one operator token with two keyword children: compare words */
    uint32_t len;
    const char *s = pr_text(ctx, op, &len);
    char norm[16];
    uint32_t w = 0;
    bool space = false;
    for (uint32_t j = 0; j < len && w + 1 < sizeof norm; j++) {
      char ch = s[j];
      if (ch == ' ' || ch == '\t' || ch == '\\' || ch == '\n' || ch == '\r') { space = w > 0; continue; }
      if (space) { norm[w++] = ' '; space = false; }
      if (w + 1 < sizeof norm) norm[w++] = ch;
    }
    norm[w] = 0;
    found = NULL;
    for (size_t k = 0; k < sizeof tst001_ops / sizeof *tst001_ops; k++)
      if (!strcmp(norm, tst001_ops[k].op)) found = &tst001_ops[k];
  }
  ts_tree_cursor_delete(&c);
  return count == 1 ? found : NULL;
}

/* The two operands of a single-operator comparison. */
static bool tst001_operands(TSNode cmp, TSNode *left, TSNode *right) {
  uint32_t n = ts_node_named_child_count(cmp), got = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(cmp, i);
    if (pr_node_kind(c) == pr_kind_comment) continue;
    if (got == 0) *left = c;
    else if (got == 1) *right = c;
    got++;
  }
  return got == 2;
}

/* True for a call of the builtin isinstance with exactly two positional arguments. */
static bool tst001_is_isinstance(const pr_ctx *ctx, TSNode call, TSNode *obj, TSNode *type) {
  if (pr_node_kind(call) != pr_kind_call) return false;
  TSNode fn = pr_unparenthesize(pr_child(call, pr_field_function));
  if (pr_node_kind(fn) != pr_kind_identifier || !pr_text_is(ctx, fn, "isinstance")) return false;
  /* a file's own `isinstance` shadows the builtin */
  if (pr_model_resolve(ctx->model, ctx->scope, "isinstance", 10, ts_node_start_byte(fn)) != PR_NONE) return false;
  TSNode args = pr_child(call, pr_field_arguments);
  if (pr_node_kind(args) != pr_kind_argument_list) return false;
  uint32_t n = ts_node_named_child_count(args), got = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    pr_kind k = pr_node_kind(a);
    if (k == pr_kind_comment) continue;
    if (k == pr_kind_keyword_argument || k == pr_kind_list_splat || k == pr_kind_dictionary_splat) return false;
    if (got == 0) *obj = a;
    else if (got == 1) *type = a;
    got++;
  }
  return got == 2;
}

/* True when the call passes a failure message (second positional argument or msg=). */
static bool tst001_has_msg(const pr_ctx *ctx, TSNode call) {
  return !ts_node_is_null(pr_call_argument(ctx, call, 1, "msg"));
}

/* The fix: rename the assertion and pass the operands themselves, when the
 * expression is the first positional argument (not `expr=`). */
static void tst001_fix(pr_ctx *ctx, pr_finding *f, TSNode call, TSNode name, TSNode arg, const char *use,
                       TSNode first, TSNode second) {
  if (!f || !ts_node_eq(arg, pr_call_positional(call, 0))) return;
  char text[8192];
  uint32_t n1, n2 = 0;
  const char *s1 = pr_text(ctx, first, &n1), *s2 = ts_node_is_null(second) ? "" : pr_text(ctx, second, &n2);
  int len = ts_node_is_null(second) ? snprintf(text, sizeof text, "%.*s", (int)n1, s1)
                                    : snprintf(text, sizeof text, "%.*s, %.*s", (int)n1, s1, (int)n2, s2);
  if (len < 0 || (size_t)len >= sizeof text) return;
  pr_finding_set_fix(ctx, f, "Use `%s`", use);
  pr_finding_add_edit(ctx, f, ts_node_start_byte(name), ts_node_end_byte(name), use, (uint32_t)strlen(use));
  pr_finding_add_edit(ctx, f, ts_node_start_byte(arg), ts_node_end_byte(arg), text, (uint32_t)len);
}

static void tst001_check(pr_ctx *ctx, TSNode call) {
  TSNode fn = pr_unparenthesize(pr_child(call, pr_field_function));
  if (pr_node_kind(fn) != pr_kind_attribute) return;
  TSNode name = pr_child(fn, pr_field_attribute);
  bool is_true = pr_text_is(ctx, name, "assertTrue");
  if (!is_true && !pr_text_is(ctx, name, "assertFalse")) return;
  const char *assertion = is_true ? "assertTrue" : "assertFalse";
  TSNode arg = pr_call_argument(ctx, call, 0, "expr");
  if (ts_node_is_null(arg)) return;
  TSNode x = pr_unparenthesize(arg);
  const char *keep = tst001_has_msg(ctx, call) ? ", keeping the `msg` argument" : "";
  char a[TST001_MAX_OPERAND + 8], b[TST001_MAX_OPERAND + 8], written[2 * TST001_MAX_OPERAND + 16];

  TSNode obj, type;
  if (tst001_is_isinstance(ctx, x, &obj, &type)) {
    tst001_operand(ctx, obj, "obj", a, sizeof a);
    tst001_operand(ctx, type, "cls", b, sizeof b);
    tst001_argument(ctx, x, "isinstance", written, sizeof written);
    const char *use = is_true ? "assertIsInstance" : "assertNotIsInstance";
    pr_finding *f = pr_report(ctx, call,
                              "`%s(%s)` hides the object's type when it fails: use `%s(%s, %s)`, which reports "
                              "both values%s",
                              assertion, written, use, a, b, keep);
    tst001_fix(ctx, f, call, name, arg, use, obj, type);
    return;
  }
  if (pr_node_kind(x) != pr_kind_comparison_operator) return;
  const tst001_op *op = tst001_comparison_op(ctx, x);
  if (!op) return;
  /* assertFalse(a < b) is not assertGreaterEqual(a, b) for partial orders
     (sets, NaN, a class with only __lt__): not flagged */
  if (!is_true && (op->op[0] == '<' || op->op[0] == '>') && strcmp(op->op, "<>")) return;
  TSNode left, right;
  if (!tst001_operands(x, &left, &right)) return;
  const char *use = is_true ? op->if_true : op->if_false;
  tst001_argument(ctx, x, op->op, written, sizeof written);
  /* `x is None` / `x is not None` have their own assertions */
  bool is_op = !strcmp(op->op, "is") || !strcmp(op->op, "is not");
  TSNode l = pr_unparenthesize(left), r = pr_unparenthesize(right);
  if (is_op && (pr_node_kind(r) == pr_kind_none || pr_node_kind(l) == pr_kind_none) &&
      !(pr_node_kind(r) == pr_kind_none && pr_node_kind(l) == pr_kind_none)) {
    TSNode value = pr_node_kind(r) == pr_kind_none ? left : right;
    bool none = !strcmp(use, "assertIs");
    tst001_operand(ctx, value, "value", a, sizeof a);
    const char *with = none ? "assertIsNone" : "assertIsNotNone";
    pr_finding *f = pr_report(ctx, call,
                              "`%s(%s)` hides the actual value when it fails: use `%s(%s)`, which reports the "
                              "value%s",
                              assertion,
                              written, with, a, keep);
    tst001_fix(ctx, f, call, name, arg, with, value, (TSNode){0});
    return;
  }
  tst001_operand(ctx, left, "first", a, sizeof a);
  tst001_operand(ctx, right, "second", b, sizeof b);
  pr_finding *f = pr_report(ctx, call,
                            "`%s(%s)` hides both values when it fails: use `%s(%s, %s)`, which reports both "
                            "values%s",
                            assertion,
                            written, use, a, b, keep);
  tst001_fix(ctx, f, call, name, arg, use, left, right);
}

const pr_rule pr_rule_tst001 = {
  .code = "TST001",
  .name = "assert-true-comparison",
  .category = "Tests",
  .severity = PR_SEV_WARNING,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_TESTS_ONLY,
  .summary = "assertTrue/assertFalse on a comparison or isinstance call",
  .doc = pr_doc_tst001,
  .kinds = {pr_kind_call},
  .on_node = tst001_check,
};
