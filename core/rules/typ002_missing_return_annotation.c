/* TYP002 missing-return-annotation: a public function without a return annotation.
 *
 * ## What it does
 * Flags a public function without a return annotation, except `__init__`
 * (other dunders included). In the default `type-hints = "consistent"` mode
 * only modules where at least half of the public functions outside test
 * code already carry an annotation are checked (`"strict"` reports every
 * gap). Lambdas, test code and Python 2 files are not checked.
 *
 * ## Why is this bad?
 * Without a return annotation the type checker infers nothing for callers
 * (or `Any`), and the reader must read the body to know what comes back.
 *
 * ## Example
 * ```python
 * def load(path: Path):
 *     return json.loads(path.read_text())
 * ```
 *
 * ## Use instead
 * ```python
 * def load(path: Path) -> dict[str, Any]:
 *     return json.loads(path.read_text())
 * ```
 */
#include "rule.h"
#include "rule_docs.h"
#include "typehints.h"

static void typ002_on_def(pr_ctx *ctx, TSNode def) { pr_typehints_record(ctx, def, false); }

static void typ002_check(pr_ctx *ctx, const pr_fact *facts, uint32_t count) {
  if (!pr_typehints_module_reports(ctx, facts, count)) return;
  for (uint32_t i = 0; i < count; i++) {
    const pr_fact *f = &facts[i];
    if (f->tag != PR_TYPEHINTS_FACT_FUNCTION) continue;
    if (f->value & (PR_TYPEHINTS_IN_TESTS | PR_TYPEHINTS_RETURN | PR_TYPEHINTS_INIT)) continue;
    uint32_t len = f->end - f->start;
    pr_report_bytes(ctx, f->start, f->end, "Public function `%.*s` has no return annotation", (int)len,
                    ctx->text + f->start);
  }
}

const pr_rule pr_rule_typ002 = {
  .code = "TYP002",
  .name = "missing-return-annotation",
  .category = "Type hints",
  .severity = PR_SEV_HINT,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_NOT_IN_TESTS | PR_RULE_NO_PY2,
  .summary = "A public function without a return annotation",
  .doc = pr_doc_typ002,
  .kinds = {pr_kind_function_definition},
  .on_node = typ002_on_def,
  .on_facts = typ002_check,
};
