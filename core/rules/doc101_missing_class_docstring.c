/* DOC101 missing-class-docstring: a public module-level class without a docstring.
 *
 * ## What it does
 * Flags a class defined at module level whose name does not start with `_`
 * and whose body does not start with a docstring. Test classes are checked
 * too. Nested classes (Django's `class Meta:`) and classes defined in
 * functions are not checked.
 *
 * ## Why is this bad?
 * A public class is used by people who did not write it: its docstring says
 * what an instance stands for and how it is meant to be used, which its
 * methods alone rarely do.
 *
 * ## Example
 * ```python
 * class RateLimiter:
 *     def __init__(self, per_second):
 *         ...
 * ```
 *
 * ## Use instead
 * ```python
 * class RateLimiter:
 *     """Allows at most `per_second` calls per second; callers block until allowed."""
 *
 *     def __init__(self, per_second):
 *         ...
 * ```
 */
#include "rule.h"
#include "rule_docs.h"
#include "statements.h"

static void doc101_check(pr_ctx *ctx, TSNode cls) {
  const pr_model *m = ctx->model;
  if (ctx->scope >= m->scope_count || m->scopes[ctx->scope].kind != PR_SCOPE_MODULE) return;
  TSNode name = pr_child(cls, pr_field_name);
  if (ts_node_is_null(name)) return;
  uint32_t len;
  const char *s = pr_text(ctx, name, &len);
  if (!len || s[0] == '_') return;
  TSNode body = pr_child(cls, pr_field_body);
  /* a class whose header or first statement does not parse is not judged */
  if (ts_node_is_null(body) || ts_node_has_error(body) || ts_node_has_error(cls)) return;
  if (!ts_node_is_null(pr_docstring(ctx->text, cls))) return;
  pr_report(ctx, name, "Public class `%.*s` has no docstring: say what an instance stands for", (int)len, s);
}

const pr_rule pr_rule_doc101 = {
  .code = "DOC101",
  .name = "missing-class-docstring",
  .category = "Documentation",
  .severity = PR_SEV_HINT,
  .cwe = 0,
  .tags = 0,
  .flags = 0,
  .summary = "A public module-level class without a docstring",
  .doc = pr_doc_doc101,
  .kinds = {pr_kind_class_definition},
  .on_node = doc101_check,
};
