/* DOC102 missing-function-docstring: NOT YET IMPLEMENTED (placeholder so the registry is complete).
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

const pr_rule pr_rule_doc102 = {
  .code = "DOC102",
  .name = "missing-function-docstring",
  .category = "Documentation",
  .severity = PR_SEV_HINT,
  .cwe = 0,
  .tags = 0,
  .flags = 0,
  .summary = "A public function of 5 or more statements without a docstring",
  .doc = pr_doc_doc102,
};
