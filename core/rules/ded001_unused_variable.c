/* DED001 unused-variable: a local variable assigned in a function and never read.
 *
 * ## What it does
 * Flags a name that a function (or lambda) binds with `=`, an annotated
 * assignment with a value, `:=` or `except ... as` and that is never read in
 * that function or in any scope nested in it. `x += 1`, `del x` and uses in
 * f-string format specs count as reads. Not flagged: names starting with
 * `_`, targets of tuple/list unpacking (`a, b = pair`), names declared
 * `global` or `nonlocal` (and locals that a nested function declares
 * `nonlocal`), `with ... as` targets, bare annotations (`x: int`), and
 * functions that call `locals()`. One finding per assignment.
 *
 * ## Why is this bad?
 * A value computed and thrown away is either dead code that costs a reader's
 * attention, or a bug: the name was meant to be used (returned, passed on,
 * checked) and a typo or a refactoring lost it.
 *
 * ## Example
 * ```python
 * def save(user):
 *     result = db.insert(user)
 *     try:
 *         notify(user)
 *     except MailError as e:
 *         log.warning("mail failed")
 * ```
 *
 * ## Use instead
 * Use the value, or drop the name (keep the call when it has side effects):
 * ```python
 * def save(user):
 *     db.insert(user)
 *     try:
 *         notify(user)
 *     except MailError:
 *         log.warning("mail failed")
 * ```
 */
#include "rule.h"
#include "rule_docs.h"
#include "statements.h"



/* The kind of assignment DED001 judges, or -1 for bindings it leaves alone. */
static int ded001_assignment_kind(const pr_binding *b) {
  switch (b->kind) {
  case PR_BIND_ASSIGN:
  case PR_BIND_ANNASSIGN:
  case PR_BIND_WALRUS:
  case PR_BIND_EXCEPT:
    return (int)b->kind;
  default:
    return -1;
  }
}

/* The fix of an unused exception name: `except E as e:` -> `except E:`. */
static void ded001_fix_except(pr_ctx *ctx, pr_finding *f, const pr_binding *b, const char *sep) {
  TSNode parent = ts_node_parent(b->node);
  if (pr_node_kind(parent) == pr_kind_as_pattern_target) parent = ts_node_parent(parent);
  /* the named node just before the name: the exception type */
  TSNode type = {0};
  uint32_t n = ts_node_named_child_count(parent), at = ts_node_start_byte(b->node);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(parent, i);
    if (ts_node_start_byte(c) >= at) break;
    if (pr_node_kind(c) != pr_kind_comment) type = c;
  }
  if (ts_node_is_null(type)) return;
  pr_finding_set_fix(ctx, f, "Drop `%s%s`", sep, b->name);
  pr_finding_add_edit(ctx, f, ts_node_end_byte(type), ts_node_end_byte(b->node), "", 0);
}

static void ded001_report(pr_ctx *ctx, const pr_binding *b, int kind) {
  const char *name = b->name;
  if (kind == PR_BIND_EXCEPT) {
    /* Python 2 writes `except E, e:` */
    const char *sep = pr_node_kind(ts_node_parent(b->node)) == pr_kind_except_clause ? ", " : "as ";
    pr_finding *f = pr_report(ctx, b->node, "The exception bound to `%s` is never used; drop `%s%s` from the handler",
                              name, sep, name);
    if (f) ded001_fix_except(ctx, f, b, sep);
    return;
  }
  if (kind == PR_BIND_WALRUS) {
    pr_finding *f = pr_report(
        ctx, b->node, "`%s` is assigned with `:=` but never used; use the expression without binding it", name);
    TSNode walrus = b->statement, value = b->value;
    if (f && pr_node_kind(walrus) == pr_kind_named_expression && !ts_node_is_null(value)) {
      pr_finding_set_fix(ctx, f, "Use the expression without `%s :=`", name);
      pr_finding_add_edit(ctx, f, ts_node_start_byte(walrus), ts_node_start_byte(value), "", 0);
    }
    return;
  }
  TSNode value = b->value;
  /* through parentheses and chains (`a = b = f()`) to the assigned expression */
  for (int guard = 0; guard < 64 && !ts_node_is_null(value); guard++) {
    pr_kind k = pr_node_kind(value);
    if (k == pr_kind_parenthesized_expression) value = ts_node_named_child(value, 0);
    else if (k == pr_kind_assignment) value = pr_child(value, pr_field_right);
    else break;
  }
  bool call = !ts_node_is_null(value) && (pr_node_kind(value) == pr_kind_call || pr_node_kind(value) == pr_kind_await);
  pr_finding *f;
  if (call)
    f = pr_report(ctx, b->node,
                  "Local variable `%s` is assigned but never used; keep the call without assigning it, or use `%s`",
                  name, name);
  else
    f = pr_report(ctx, b->node, "Local variable `%s` is assigned but never used; remove the assignment or use `%s`",
                  name, name);
  /* the fix, for `x = value` and `x: T = value` alone in their statement (not `a = b = f()`) */
  /* the binding's statement, not ts_node_parent (a descent from the root) */
  TSNode assign = b->statement;
  if (!f || pr_node_kind(assign) != pr_kind_assignment || !ts_node_eq(pr_child(assign, pr_field_left), b->node))
    return;
  TSNode right = pr_child(assign, pr_field_right);
  if (ts_node_is_null(right) || pr_node_kind(right) == pr_kind_assignment) return;
  TSNode stmt = ts_node_parent(assign);
  if (pr_node_kind(stmt) != pr_kind_expression_statement || ts_node_named_child_count(stmt) != 1) return;
  if (call) {
    pr_finding_set_fix(ctx, f, "Keep the call without assigning it to `%s`", name);
    pr_finding_add_edit(ctx, f, ts_node_start_byte(assign), ts_node_start_byte(right), "", 0);
  } else {
    pr_finding_set_fix(ctx, f, "Remove the assignment to `%s`", name);
    pr_fix_delete_statement(ctx, f, stmt);
  }
}

static void ded001_check(pr_ctx *ctx) {
  /* the model marks a symbol used when a read (here or in a nested scope, `+=`,
     `del`, a format spec) or a nested `nonlocal` resolves to it */
  const pr_model *m = ctx->model;
  for (uint32_t i = 0; i < m->binding_count; i++) {
    const pr_binding *b = &m->bindings[i];
    int kind = ded001_assignment_kind(b);
    if (kind < 0 || b->name_len == 0 || b->name[0] == '_') continue;
    if (b->flags & PR_BF_UNPACKED) continue;
    const pr_scope *sc = &m->scopes[b->scope];
    if ((sc->kind != PR_SCOPE_FUNCTION && sc->kind != PR_SCOPE_LAMBDA) || sc->calls_locals) continue;
    /* an assignment that does not parse whole (`y = 1 +`) is not judged */
    if (kind != PR_BIND_EXCEPT && !ts_node_is_null(b->statement) && ts_node_has_error(b->statement)) continue;
    const pr_symbol *sym = &m->symbols[b->symbol];
    if (sym->used || sym->declared_global || sym->declared_nonlocal) continue;
    ded001_report(ctx, b, kind);
  }
}

const pr_rule pr_rule_ded001 = {
  .code = "DED001",
  .name = "unused-variable",
  .category = "Dead code",
  .severity = PR_SEV_WARNING,
  .cwe = 0,
  .tags = PR_TAG_UNNECESSARY,
  .flags = 0,
  .summary = "A local variable assigned and never read",
  .doc = pr_doc_ded001,
  .on_file_end = ded001_check,
};
