/* SEC002 shell-injection: NOT YET IMPLEMENTED (placeholder so the registry is complete).
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

const pr_rule pr_rule_sec002 = {
  .code = "SEC002",
  .name = "shell-injection",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 78,
  .tags = 0,
  .flags = 0,
  .summary = "A non-literal command run through a shell",
  .doc = pr_doc_sec002,
};
