/* DED003 unused-loop-variable: a `for` target that is never read.
 *
 * ## What it does
 * Flags each name in the target of a `for` or `async for` statement (each part
 * of a tuple target separately) that is read neither in the loop body nor
 * after the loop. Names starting with `_` are exempt, names that say they are
 * unused (`dummy`, and names starting with `unused` or `ignored`), and names of a
 * function that calls `locals()` and names declared `global` or `nonlocal`.
 * Comprehension `for` clauses are not `for` statements and are not checked.
 *
 * ## Why is this bad?
 * A loop variable nobody reads tells the reader the loop only repeats
 * something, or hides a bug: the body was meant to use the item (and uses a
 * stale name from outside the loop instead).
 *
 * ## Example
 * ```python
 * for i in range(retries):
 *     connect()
 * for key, value in settings.items():
 *     apply(value)
 * ```
 *
 * ## Use instead
 * Name what you do not need with a leading underscore:
 * ```python
 * for _ in range(retries):
 *     connect()
 * for _key, value in settings.items():
 *     apply(value)
 * ```
 */
#include "rule.h"
#include "rule_docs.h"

#include <string.h>


/* Where reads of the loop's names start to count: the loop itself, or the
 * outermost loop of the same scope around it (a read earlier in that loop's
 * body runs again after this loop, on the next iteration). */
static uint32_t ded003_window_start(TSNode for_stmt) {
  uint32_t start = ts_node_start_byte(for_stmt);
  for (TSNode p = ts_node_parent(for_stmt); !ts_node_is_null(p); p = ts_node_parent(p)) {
    pr_kind k = pr_node_kind(p);
    if (k == pr_kind_function_definition || k == pr_kind_class_definition || k == pr_kind_lambda) break;
    if (k == pr_kind_for_statement || k == pr_kind_while_statement) start = ts_node_start_byte(p);
  }
  return start;
}

static void ded003_check(pr_ctx *ctx) {
  const pr_model *m = ctx->model;
  for (uint32_t i = 0; i < m->binding_count; i++) {
    const pr_binding *b = &m->bindings[i];
    if (b->kind != PR_BIND_FOR || pr_node_kind(b->statement) != pr_kind_for_statement) continue;
    if (b->name_len == 0 || b->name[0] == '_') continue;
    /* names that say they are unused */
    if (!strcmp(b->name, "dummy") || !strncmp(b->name, "unused", 6) || !strncmp(b->name, "ignored", 7)) continue;
    const pr_symbol *sym = &m->symbols[b->symbol];
    if (sym->declared_global || sym->declared_nonlocal || (b->flags & PR_BF_VIA_GLOBAL)) continue;
    uint32_t fn = pr_model_function_of(m, b->scope);
    if (fn != PR_NONE && m->scopes[fn].calls_locals) continue;
    /* the model keeps, per symbol, reads from nested scopes and the last read
       in its own (kept segments' reads included: incremental.h) */
    if (sym->read_nested) continue;
    /* a read after the loop's start needs no window (ts_node_parent, which
       the window climbs with, searches from the root at every step) */
    if (sym->read_here && (sym->last_read >= ts_node_start_byte(b->statement) ||
                           sym->last_read >= ded003_window_start(b->statement)))
      continue;
    pr_finding *f = pr_report(ctx, b->node, "Loop variable `%s` is never used; rename it to `_%s`", b->name, b->name);
    pr_finding_set_fix(ctx, f, "Rename to `_%s`", b->name);
    pr_finding_add_edit(ctx, f, ts_node_start_byte(b->node), ts_node_start_byte(b->node), "_", 1);
  }
}

const pr_rule pr_rule_ded003 = {
  .code = "DED003",
  .name = "unused-loop-variable",
  .category = "Dead code",
  .severity = PR_SEV_INFORMATION,
  .cwe = 0,
  .tags = PR_TAG_UNNECESSARY,
  .flags = 0,
  .summary = "A for-loop target never read",
  .doc = pr_doc_ded003,
  .on_file_end = ded003_check,
};
