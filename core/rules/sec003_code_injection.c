/* SEC003 code-injection: NOT YET IMPLEMENTED (placeholder so the registry is complete).
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

const pr_rule pr_rule_sec003 = {
  .code = "SEC003",
  .name = "code-injection",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 95,
  .tags = 0,
  .flags = 0,
  .summary = "eval, exec or compile of a non-literal string",
  .doc = pr_doc_sec003,
};
