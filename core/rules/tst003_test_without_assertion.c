/* TST003 test-without-assertion: NOT YET IMPLEMENTED (placeholder so the registry is complete).
 *
 * ## What it does
 * Placeholder.
 *
 * ## Why is this bad?
 * Placeholder.
 *
 * ## Example
 * Placeholder.
 *
 * ## Use instead
 * Placeholder.
 */
#include "rule.h"
#include "rule_docs.h"

const pr_rule pr_rule_tst003 = {
  .code = "TST003",
  .name = "test-without-assertion",
  .category = "Tests",
  .severity = PR_SEV_WARNING,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_TESTS_ONLY,
  .summary = "A test function that asserts nothing",
  .doc = pr_doc_tst003,
};
