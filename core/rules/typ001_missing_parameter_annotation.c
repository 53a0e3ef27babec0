/* TYP001 missing-parameter-annotation: a parameter of a public function without a type annotation.
 *
 * ## What it does
 * Flags each parameter of a public function (`__init__`'s included) that
 * has no annotation; not a method's first parameter, and not `*args` or
 * `**kwargs` unless `type-hints-varargs = true`. In the default
 * `type-hints = "consistent"` mode only modules where at least half of the
 * public functions outside test code already carry an annotation are
 * checked: the gaps in code that uses type hints, not every untyped module
 * (`"strict"` reports every gap). Lambdas, test code and Python 2 files are
 * not checked.
 *
 * ## Why is this bad?
 * In a module that uses type hints, an unannotated parameter is where the
 * type checker stops checking and the reader starts guessing: callers of a
 * public function get no help passing the right thing.
 *
 * ## Example
 * ```python
 * def parse(text: str, strict) -> Document:
 *     ...
 * ```
 *
 * ## Use instead
 * ```python
 * def parse(text: str, strict: bool) -> Document:
 *     ...
 * ```
 */
#include "rule.h"
#include "rule_docs.h"
#include "typehints.h"

static void typ001_on_def(pr_ctx *ctx, TSNode def) { pr_typehints_record(ctx, def, true); }

static void typ001_check(pr_ctx *ctx, const pr_fact *facts, uint32_t count) {
  if (!pr_typehints_module_reports(ctx, facts, count)) return;
  for (uint32_t i = 0; i < count; i++) {
    const pr_fact *f = &facts[i];
    if (f->tag != PR_TYPEHINTS_FACT_PARAMETER || (f->value & PR_TYPEHINTS_IN_TESTS)) continue;
    uint32_t len = f->end - f->start;
    pr_report_bytes(ctx, f->start, f->end, "Parameter `%.*s` of a public function has no type annotation",
                    (int)len, ctx->text + f->start);
  }
}

const pr_rule pr_rule_typ001 = {
  .code = "TYP001",
  .name = "missing-parameter-annotation",
  .category = "Type hints",
  .severity = PR_SEV_HINT,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_NOT_IN_TESTS | PR_RULE_NO_PY2,
  .summary = "A parameter of a public function without a type annotation",
  .doc = pr_doc_typ001,
  .kinds = {pr_kind_function_definition},
  .on_node = typ001_on_def,
  .on_facts = typ001_check,
};
