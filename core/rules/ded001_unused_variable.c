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

#include <string.h>

/* The first `for ... in` clause of a comprehension: its iterable is evaluated
 * in the enclosing scope, not in the comprehension's own. Null when absent. */
static TSNode ded001_first_iterable(TSNode comprehension) {
  uint32_t n = ts_node_named_child_count(comprehension);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(comprehension, i);
    if (pr_node_kind(c) == pr_kind_for_in_clause) return pr_child(c, pr_field_right);
  }
  return (TSNode){0};
}

/* The symbol a reference reads. The model resolves a read in the first
 * iterable of a comprehension from the comprehension's scope, so
 * `[x for x in x]` would read the comprehension's own `x`; Python evaluates
 * that iterable in the enclosing scope, so re-resolve from there. */
static uint32_t ded001_reference_symbol(const pr_model *m, const pr_reference *r) {
  uint32_t s = r->scope;
  uint32_t at = ts_node_start_byte(r->node);
  while (s != PR_NONE && m->scopes[s].kind == PR_SCOPE_COMPREHENSION) {
    TSNode it = ded001_first_iterable(m->scopes[s].node);
    if (ts_node_is_null(it) || at < ts_node_start_byte(it) || at >= ts_node_end_byte(it)) break;
    s = m->scopes[s].parent;
  }
  if (s == r->scope || s == PR_NONE) return r->symbol;
  uint32_t len = ts_node_end_byte(r->node) - at;
  uint32_t b = pr_model_resolve(m, s, m->text + at, len, at);
  return b == PR_NONE ? PR_NONE : m->bindings[b].symbol;
}

/* True when the binding is `except* E as name` (the model records those as match captures). */
static bool ded001_is_except_group_alias(TSNode name) {
  TSNode target = ts_node_parent(name);
  if (pr_node_kind(target) != pr_kind_as_pattern_target) return false;
  TSNode pattern = ts_node_parent(target);
  return pr_node_kind(pattern) == pr_kind_as_pattern &&
         pr_node_kind(ts_node_parent(pattern)) == pr_kind_except_group_clause;
}

/* The kind of assignment DED001 judges, or -1 for bindings it leaves alone. */
static int ded001_assignment_kind(const pr_binding *b) {
  switch (b->kind) {
  case PR_BIND_ASSIGN:
  case PR_BIND_ANNASSIGN:
  case PR_BIND_WALRUS:
  case PR_BIND_EXCEPT:
    return (int)b->kind;
  case PR_BIND_MATCH:
    return ded001_is_except_group_alias(b->node) ? (int)PR_BIND_EXCEPT : -1;
  default:
    return -1;
  }
}

static void ded001_report(pr_ctx *ctx, const pr_binding *b, int kind) {
  const char *name = b->name;
  if (kind == PR_BIND_EXCEPT) {
    /* Python 2 writes `except E, e:` */
    const char *sep = pr_node_kind(ts_node_parent(b->node)) == pr_kind_except_clause ? ", " : "as ";
    pr_report(ctx, b->node, "The exception bound to `%s` is never used; drop `%s%s` from the handler", name, sep,
              name);
    return;
  }
  if (kind == PR_BIND_WALRUS) {
    pr_report(ctx, b->node, "`%s` is assigned with `:=` but never used; use the expression without binding it",
              name);
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
  if (call)
    pr_report(ctx, b->node,
              "Local variable `%s` is assigned but never used; keep the call without assigning it, or use `%s`",
              name, name);
  else
    pr_report(ctx, b->node, "Local variable `%s` is assigned but never used; remove the assignment or use `%s`",
              name, name);
}

/* Marks the functions that read their locals wholesale: `locals()` (the
 * model's calls_locals) and `vars()` without arguments. */
static bool *ded001_reads_locals(pr_ctx *ctx) {
  const pr_model *m = ctx->model;
  bool *out = pr_ctx_alloc(ctx, m->scope_count * sizeof *out);
  if (!out) return NULL;
  for (uint32_t i = 0; i < m->scope_count; i++) out[i] = m->scopes[i].calls_locals;
  for (uint32_t i = 0; i < m->reference_count; i++) {
    const pr_reference *r = &m->references[i];
    if (r->symbol != PR_NONE || !pr_text_is(ctx, r->node, "vars")) continue;
    TSNode call = ts_node_parent(r->node);
    if (pr_node_kind(call) != pr_kind_call || !ts_node_eq(pr_child(call, pr_field_function), r->node)) continue;
    TSNode args = pr_child(call, pr_field_arguments);
    if (pr_node_kind(args) != pr_kind_argument_list || ts_node_named_child_count(args) != 0) continue;
    uint32_t fn = pr_model_function_of(m, r->scope);
    if (fn != PR_NONE) out[fn] = true;
  }
  return out;
}

static void ded001_check(pr_ctx *ctx) {
  const pr_model *m = ctx->model;
  if (!m->symbol_count) return;
  bool *used = pr_ctx_alloc(ctx, m->symbol_count * sizeof *used);
  bool *reads_locals = ded001_reads_locals(ctx);
  if (!used || !reads_locals) return;
  for (uint32_t i = 0; i < m->reference_count; i++) {
    uint32_t sid = ded001_reference_symbol(m, &m->references[i]);
    if (sid != PR_NONE) used[sid] = true;
  }
  /* `nonlocal x` in a nested function reads and writes the enclosing x */
  for (uint32_t i = 0; i < m->binding_count; i++) {
    const pr_binding *b = &m->bindings[i];
    if (b->kind != PR_BIND_NONLOCAL) continue;
    uint32_t r = pr_model_resolve(m, b->scope, b->name, b->name_len, ts_node_start_byte(b->node));
    if (r != PR_NONE) used[m->bindings[r].symbol] = true;
  }
  for (uint32_t i = 0; i < m->binding_count; i++) {
    const pr_binding *b = &m->bindings[i];
    int kind = ded001_assignment_kind(b);
    if (kind < 0 || (b->flags & PR_BF_UNPACKED) || b->name_len == 0 || b->name[0] == '_') continue;
    const pr_scope *sc = &m->scopes[b->scope];
    if ((sc->kind != PR_SCOPE_FUNCTION && sc->kind != PR_SCOPE_LAMBDA) || reads_locals[b->scope]) continue;
    /* an assignment that does not parse whole (`y = 1 +`) is not judged */
    if (kind != PR_BIND_EXCEPT && !ts_node_is_null(b->statement) && ts_node_has_error(b->statement)) continue;
    const pr_symbol *sym = &m->symbols[b->symbol];
    if (used[b->symbol] || sym->declared_global || sym->declared_nonlocal) continue;
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
