/* SEC004 unsafe-deserialization: NOT YET IMPLEMENTED (placeholder so the registry is complete).
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

const pr_rule pr_rule_sec004 = {
  .code = "SEC004",
  .name = "unsafe-deserialization",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 502,
  .tags = 0,
  .flags = 0,
  .summary = "Deserialising with pickle, marshal, unsafe YAML loaders and the like",
  .doc = pr_doc_sec004,
};
