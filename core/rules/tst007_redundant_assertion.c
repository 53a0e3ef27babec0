/* TST007 redundant-assertion: an assertion that can never fail.
 *
 * ## What it does
 * Flags an `assert` statement or an `assertTrue(...)` call whose argument is a
 * truthy constant (a non-zero number, a non-empty string, `True`, a non-empty
 * tuple or other display, such as `assert (x == 1, "msg")`), and an
 * `assertFalse(...)` of a falsy one (`0`, `""`, `False`, `None`, `()`). The
 * deprecated aliases count as the names they alias (`failUnless`, `assert_`,
 * `failIf`). A comparison, even of two constants, is not a constant, and
 * deliberate failures (`assert False, "unreachable"`, `assertTrue(False)`)
 * are not flagged.
 *
 * ## Why is this bad?
 * The assertion checks nothing: it passes whatever the code does. The usual
 * cause is a parenthesised `assert (cond, "message")`, which asserts a
 * non-empty tuple, or a placeholder that was never filled in.
 *
 * ## Example
 * ```python
 * assert (total == 90, "discount not applied")
 * self.assertTrue("user created")
 * ```
 *
 * ## Use instead
 * ```python
 * assert total == 90, "discount not applied"
 * self.assertTrue(user.created)
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

static void tst007_check(pr_ctx *ctx, TSNode node) {
  if (pr_node_kind(node) == pr_kind_assert_statement) {
    if (ts_node_named_child_count(node) == 0) return;
    TSNode test = ts_node_named_child(node, 0);
    if (pr_node_kind(test) == pr_kind_comment) return;
    if (pr_constant_truth(ctx, test) != 1) return;
    bool tuple = pr_node_kind(pr_unparenthesize(test)) == pr_kind_tuple;
    pr_report(ctx, node, tuple ? "This `assert` tests a non-empty tuple, which is always true: drop the parentheses "
                                 "around the condition and its message"
                               : "This `assert` tests a constant that is always true: it can never fail");
    return;
  }
  TSNode fn = pr_unparenthesize(pr_child(node, pr_field_function));
  if (pr_node_kind(fn) != pr_kind_attribute) return;
  TSNode name = pr_child(fn, pr_field_attribute);
  int passes_when;  /* the constant truth with which the assertion always passes */
  if (pr_text_is(ctx, name, "assertTrue") || pr_text_is(ctx, name, "failUnless") || pr_text_is(ctx, name, "assert_"))
    passes_when = 1;
  else if (pr_text_is(ctx, name, "assertFalse") || pr_text_is(ctx, name, "failIf"))
    passes_when = 0;
  else
    return;
  TSNode arg = pr_call_argument(ctx, node, 0, "expr");
  if (ts_node_is_null(arg) || pr_constant_truth(ctx, arg) != passes_when) return;
  /* the message names the modern assertion, so that TST002's rename keeps it */
  pr_report(ctx, node, "`%s` of a constant that is always %s: it can never fail",
            passes_when ? "assertTrue" : "assertFalse", passes_when ? "true" : "false");
}

const pr_rule pr_rule_tst007 = {
  .code = "TST007",
  .name = "redundant-assertion",
  .category = "Tests",
  .severity = PR_SEV_WARNING,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_TESTS_ONLY,
  .summary = "An assertion of a constant that can never fail",
  .doc = pr_doc_tst007,
  .kinds = {pr_kind_assert_statement, pr_kind_call},
  .on_node = tst007_check,
};
