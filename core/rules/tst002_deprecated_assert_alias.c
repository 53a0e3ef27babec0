/* TST002 deprecated-assert-alias: a deprecated unittest assertion alias.
 *
 * ## What it does
 * Flags calls of unittest's deprecated assertion aliases, on any receiver:
 * `assertEquals`, `assertNotEquals`, `assert_`, `failUnless`, `failIf`,
 * `failUnlessEqual`, `assertAlmostEquals`, `assertRegexpMatches`,
 * `assertRaisesRegexp`, `assertItemsEqual`, `failIfEqual`,
 * `failUnlessAlmostEqual`, `failIfAlmostEqual`, `failUnlessRaises`,
 * `assertNotAlmostEquals` and `assertNotRegexpMatches` (a closed list: mock's
 * `assert_called_*` are not aliases). The fix renames the call to the modern
 * name (`assertItemsEqual` becomes `assertCountEqual`). `assert_`, also a
 * common field name (`case.assert_(x)` on a named tuple of expectations), is
 * flagged only on `self`, `cls` or `super()`.
 *
 * ## Why is this bad?
 * The aliases have been deprecated since Python 3.2 and Python 3.12 removed
 * them (`assertItemsEqual` is Python 2's and never existed in Python 3): a
 * suite using them fails with `AttributeError` on a current Python.
 *
 * ## Example
 * ```python
 * self.assertEquals(total, 90)
 * self.assertItemsEqual(tags, ["a", "b"])
 * ```
 *
 * ## Use instead
 * ```python
 * self.assertEqual(total, 90)
 * self.assertCountEqual(tags, ["a", "b"])
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

static const char *const tst002_aliases[][2] = {
  {"assertEquals", "assertEqual"},
  {"assertNotEquals", "assertNotEqual"},
  {"assert_", "assertTrue"},
  {"failUnless", "assertTrue"},
  {"failIf", "assertFalse"},
  {"failUnlessEqual", "assertEqual"},
  {"assertAlmostEquals", "assertAlmostEqual"},
  {"assertRegexpMatches", "assertRegex"},
  {"assertRaisesRegexp", "assertRaisesRegex"},
  {"assertItemsEqual", "assertCountEqual"},
  {"failIfEqual", "assertNotEqual"},
  {"failUnlessAlmostEqual", "assertAlmostEqual"},
  {"failIfAlmostEqual", "assertNotAlmostEqual"},
  {"failUnlessRaises", "assertRaises"},
  {"assertNotAlmostEquals", "assertNotAlmostEqual"},
  {"assertNotRegexpMatches", "assertNotRegex"},
};

static void tst002_check(pr_ctx *ctx, TSNode call) {
  TSNode fn = pr_unparenthesize(pr_child(call, pr_field_function));
  if (pr_node_kind(fn) != pr_kind_attribute) return;  /* a method: a plain function is the file's own */
  TSNode name = pr_child(fn, pr_field_attribute);
  if (ts_node_is_null(name)) return;
  uint32_t len;
  const char *t = pr_text(ctx, name, &len);
  if (!len || (t[0] != 'a' && t[0] != 'f')) return;  /* every alias starts so: most methods go here */
  for (size_t i = 0; i < sizeof tst002_aliases / sizeof *tst002_aliases; i++) {
    if (strlen(tst002_aliases[i][0]) != len || memcmp(t, tst002_aliases[i][0], len)) continue;
    const char *modern = tst002_aliases[i][1];
    /* `assert_` is also a common field name (`test.assert_(x)` on a namedtuple
       of expectations): only the test case's own method, on self/cls/super() */
    if (!strcmp(tst002_aliases[i][0], "assert_")) {
      TSNode recv = pr_unparenthesize(pr_child(fn, pr_field_object));
      bool own = (pr_node_kind(recv) == pr_kind_identifier &&
                  (pr_text_is(ctx, recv, "self") || pr_text_is(ctx, recv, "cls"))) ||
                 (pr_node_kind(recv) == pr_kind_call &&
                  pr_text_is(ctx, pr_unparenthesize(pr_child(recv, pr_field_function)), "super"));
      if (!own) return;
    }
    pr_finding *f = !strcmp(modern, "assertCountEqual")
                        ? pr_report(ctx, call, "`assertItemsEqual` is Python 2's name (Python 3 has none): use `%s`",
                                    modern)
                        : pr_report(ctx, call, "`%s` is a deprecated alias (removed in Python 3.12): use `%s`",
                                    tst002_aliases[i][0], modern);
    pr_finding_set_fix(ctx, f, "Rename to `%s`", modern);
    pr_finding_add_edit(ctx, f, ts_node_start_byte(name), ts_node_end_byte(name), modern, (uint32_t)strlen(modern));
    return;
  }
}

const pr_rule pr_rule_tst002 = {
  .code = "TST002",
  .name = "deprecated-assert-alias",
  .category = "Tests",
  .severity = PR_SEV_WARNING,
  .cwe = 0,
  .tags = PR_TAG_DEPRECATED,
  .flags = PR_RULE_TESTS_ONLY,
  .summary = "A deprecated unittest assertion alias (assertEquals, failUnless ...)",
  .doc = pr_doc_tst002,
  .kinds = {pr_kind_call},
  .on_node = tst002_check,
};
