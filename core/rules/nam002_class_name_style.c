/* NAM002 class-name-style: a class name that is not CapWords.
 *
 * ## What it does
 * Flags a class whose name, after leading underscores are stripped, does not
 * start with an uppercase letter or contains an underscore (`http_client`,
 * `Parse_Result`, `_private_name`). Acronyms are fine (`HTTPServer`,
 * `OAuth2Client`).
 *
 * ## Why is this bad?
 * PEP 8 names classes in CapWords so that a reader tells a class (and a call
 * that constructs an object) from a function at a glance.
 *
 * ## Example
 * ```python
 * class http_client:
 *     ...
 * ```
 *
 * ## Use instead
 * ```python
 * class HttpClient:
 *     ...
 * ```
 */
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

static void nam002_check(pr_ctx *ctx, TSNode cls) {
  TSNode name = pr_child(cls, pr_field_name);
  if (ts_node_is_null(name)) return;
  uint32_t len;
  const char *s = pr_text(ctx, name, &len);
  uint32_t i = 0;
  while (i < len && s[i] == '_') i++;
  if (i == len) return;
  unsigned char c = (unsigned char)s[i];
  bool lower_start = c >= 'a' && c <= 'z';
  bool underscore = memchr(s + i, '_', len - i) != NULL;
  if (!lower_start && !underscore) return;
  pr_report(ctx, name, "Class name `%.*s` is not CapWords: %s", (int)len, s,
            lower_start ? "start it with an uppercase letter" : "write its words without underscores");
}

const pr_rule pr_rule_nam002 = {
  .code = "NAM002",
  .name = "class-name-style",
  .category = "Naming",
  .severity = PR_SEV_INFORMATION,
  .cwe = 0,
  .tags = 0,
  .flags = 0,
  .summary = "A class name that is not CapWords",
  .doc = pr_doc_nam002,
  .kinds = {pr_kind_class_definition},
  .on_node = nam002_check,
};
