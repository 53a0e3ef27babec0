/* SEC001 sql-injection: NOT YET IMPLEMENTED (placeholder so the registry is complete).
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

const pr_rule pr_rule_sec001 = {
  .code = "SEC001",
  .name = "sql-injection",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 89,
  .tags = 0,
  .flags = 0,
  .summary = "SQL text built from non-literal parts reaching a query sink",
  .doc = pr_doc_sec001,
};
