/* boundcall.c - a name bound to a call of X in the same scope; see boundcall.h. */
#include "boundcall.h"

#include "names.h"

#include <string.h>

/* The index of the name the call's callee resolves to (read in `scope`), or -1. */
static int pr_boundcall__match(const pr_ctx *ctx, TSNode call, uint32_t scope, const char *const *names) {
  if (pr_node_kind(call) != pr_kind_call) return -1;
  char q[256];
  if (!pr_qualified_name(ctx, pr_child(call, pr_field_function), scope, q, sizeof q)) return -1;
  for (int i = 0; names[i]; i++)
    if (!strcmp(q, names[i])) return i;
  return -1;
}

/* For a `with ... as name` binding: the value of the with item whose target is
 * exactly the bound identifier, or a null node. */
static TSNode pr_boundcall__with_value(TSNode with_statement, TSNode ident) {
  uint32_t n = ts_node_named_child_count(with_statement);
  for (uint32_t i = 0; i < n; i++) {
    TSNode clause = ts_node_named_child(with_statement, i);
    if (pr_node_kind(clause) != pr_kind_with_clause) continue;
    uint32_t m = ts_node_named_child_count(clause);
    for (uint32_t j = 0; j < m; j++) {
      TSNode item = ts_node_named_child(clause, j);
      if (pr_node_kind(item) != pr_kind_with_item) continue;
      TSNode v = pr_child(item, pr_field_value);
      if (pr_node_kind(v) != pr_kind_as_pattern) continue;
      TSNode alias = pr_child(v, pr_field_alias);
      if (ts_node_is_null(alias)) continue;
      /* the target must be the single name: `as tf`, not `as (a, tf)` */
      TSNode target = alias;
      while (ts_node_named_child_count(target) == 1 && pr_node_kind(target) != pr_kind_identifier)
        target = ts_node_named_child(target, 0);
      if (pr_node_kind(target) != pr_kind_identifier) continue;
      if (ts_node_start_byte(target) != ts_node_start_byte(ident) ||
          ts_node_end_byte(target) != ts_node_end_byte(ident))
        continue;
      return pr_unparenthesize(ts_node_named_child(v, 0));
    }
  }
  return (TSNode){0};
}

TSNode pr_bound_call(const pr_ctx *ctx, TSNode expr, uint32_t scope, const char *const *names, int *matched) {
  TSNode none = {0};
  expr = pr_unparenthesize(expr);
  int m = pr_boundcall__match(ctx, expr, scope, names);
  if (m >= 0) {
    if (matched) *matched = m;
    return expr;
  }
  if (pr_node_kind(expr) != pr_kind_identifier || scope == PR_NONE) return none;
  const pr_model *model = ctx->model;
  uint32_t len;
  const char *name = pr_text(ctx, expr, &len);
  uint32_t sym = pr_model_symbol(model, scope, name, len);
  if (sym == PR_NONE) return none;
  const pr_symbol *s = &model->symbols[sym];
  if (s->declared_global || s->declared_nonlocal) return none;
  uint32_t at = ts_node_start_byte(expr), best = PR_NONE;
  for (uint32_t b = s->first; b != PR_NONE; b = model->bindings[b].next) {
    const pr_binding *bd = &model->bindings[b];
    if (bd->kind == PR_BIND_GLOBAL || bd->kind == PR_BIND_NONLOCAL || bd->kind == PR_BIND_ANNOTATION) continue;
    if (bd->scope != scope) continue;
    if (ts_node_start_byte(bd->node) >= at) break;
    best = b;
  }
  if (best == PR_NONE) return none;
  const pr_binding *bd = &model->bindings[best];
  TSNode value = none;
  if (bd->kind == PR_BIND_ASSIGN || bd->kind == PR_BIND_ANNASSIGN) {
    if (bd->flags & PR_BF_UNPACKED) return none;
    value = pr_unparenthesize(bd->value);
  } else if (bd->kind == PR_BIND_WITH) {
    value = pr_boundcall__with_value(bd->statement, bd->node);
  }
  if (ts_node_is_null(value)) return none;
  /* `a = b = tarfile.open(p)`: the value is the innermost right-hand side */
  while (pr_node_kind(value) == pr_kind_assignment) value = pr_unparenthesize(pr_child(value, pr_field_right));
  m = pr_boundcall__match(ctx, value, scope, names);
  if (m < 0) return none;
  if (matched) *matched = m;
  return value;
}
