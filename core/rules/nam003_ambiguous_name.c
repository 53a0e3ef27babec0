/* NAM003 ambiguous-name: a binding named `l`, `O` or `I`.
 *
 * ## What it does
 * Flags a name `l`, `O` or `I` where it is bound: an assignment, `for` or
 * comprehension target (unpacking included), a parameter (lambdas
 * included), a `def` or `class` name, a `with`, `except` or `import ... as`
 * name, a `:=` target or a `match` capture. One finding per scope and name,
 * at its first binding. Attributes, keyword arguments and dict keys are not
 * bindings and are not flagged.
 *
 * ## Why is this bad?
 * In many fonts `l` and `I` look like the digit `1`, and `O` like `0`:
 * `l = 1` reads as `1 = 1`, `I + O` as `1 + 0`.
 *
 * ## Example
 * ```python
 * for l in lines:
 *     total += len(l)
 * ```
 *
 * ## Use instead
 * ```python
 * for line in lines:
 *     total += len(line)
 * ```
 */
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

/* `match` captures (`case [l, *rest]:`): the model binds only `case ... as x`. */
typedef struct nam003_capture {
  TSNode node;
  uint32_t scope;
  char name;
} nam003_capture;

typedef struct nam003_state {
  nam003_capture *captures;
  uint32_t count, cap;
} nam003_state;

static bool nam003_ambiguous(const char *s, uint32_t n) { return n == 1 && (*s == 'l' || *s == 'O' || *s == 'I'); }

static void nam003_add_capture(pr_ctx *ctx, nam003_state *st, TSNode id) {
  uint32_t n;
  const char *s = pr_text(ctx, id, &n);
  if (!nam003_ambiguous(s, n)) return;
  if (st->count == st->cap) {
    uint32_t cap = st->cap ? st->cap * 2 : 8;
    nam003_capture *c = pr_ctx_alloc(ctx, cap * sizeof *c);
    if (!c) return;
    if (st->count) memcpy(c, st->captures, st->count * sizeof *c);
    st->captures = c;
    st->cap = cap;
  }
  st->captures[st->count++] = (nam003_capture){.node = id, .scope = ctx->scope, .name = *s};
}

/* A case clause: the capture names of its patterns. */
static void nam003_on_case(pr_ctx *ctx, TSNode clause) {
  nam003_state *st = pr_rule_state(ctx, sizeof *st);
  if (!st) return;
  TSNode stack[64];
  uint32_t top = 0, n = ts_node_named_child_count(clause);
  for (uint32_t i = n; i-- > 0;) {
    TSNode c = ts_node_named_child(clause, i);
    if (pr_node_kind(c) == pr_kind_case_pattern && top < 64) stack[top++] = c;
  }
  while (top) {
    TSNode node = stack[--top];
    uint32_t k = ts_node_named_child_count(node);
    const char *type = ts_node_type(node);
    for (uint32_t i = k; i-- > 0;) {
      TSNode c = ts_node_named_child(node, i);
      const char *ct = ts_node_type(c);
      if (!strcmp(type, "splat_pattern") && !strcmp(ct, "identifier")) { nam003_add_capture(ctx, st, c); continue; }
      if (!strcmp(ct, "dotted_name")) {
        /* a bare name is a capture; a class pattern's or a dotted value pattern's name is not */
        if (ts_node_named_child_count(c) == 1 && strcmp(type, "class_pattern") != 0)
          nam003_add_capture(ctx, st, ts_node_named_child(c, 0));
        continue;
      }
      if (!strcmp(type, "keyword_pattern") && i == 0) continue;  /* the keyword */
      if (top < 64) stack[top++] = c;
    }
  }
}

static bool nam003_binds(const pr_binding *b) {
  if (b->flags & PR_BF_VIA_GLOBAL) return false;
  switch (b->kind) {
  case PR_BIND_ASSIGN: case PR_BIND_AUGASSIGN: case PR_BIND_ANNASSIGN: case PR_BIND_WALRUS: case PR_BIND_FOR:
  case PR_BIND_WITH: case PR_BIND_EXCEPT: case PR_BIND_PARAMETER: case PR_BIND_FUNCTION: case PR_BIND_CLASS:
  case PR_BIND_MATCH:
    return true;
  case PR_BIND_IMPORT:
    return (b->flags & PR_BF_IMPORT_ALIAS) != 0;
  default:
    return false;
  }
}

/* The first capture of `name` in `scope`, or NULL. */
static const nam003_capture *nam003_first_capture(const nam003_state *st, uint32_t scope, char name) {
  for (uint32_t i = 0; st && i < st->count; i++)
    if (st->captures[i].scope == scope && st->captures[i].name == name) return &st->captures[i];
  return NULL;
}

static void nam003_report(pr_ctx *ctx, TSNode node, char name) {
  const char *looks = name == 'O' ? "the digit 0" : "the digit 1";
  pr_report(ctx, node, "`%c` is easily mistaken for %s: use a descriptive name", name, looks);
}

static void nam003_check(pr_ctx *ctx) {
  const pr_model *m = ctx->model;
  const nam003_state *st = ctx->state;
  /* captures first bound by their pattern */
  for (uint32_t i = 0; st && i < st->count; i++) {
    const nam003_capture *c = &st->captures[i];
    if (nam003_first_capture(st, c->scope, c->name) != c) continue;
    uint32_t sym = pr_model_symbol(m, c->scope, &c->name, 1);
    bool earlier = false;
    for (uint32_t j = sym == PR_NONE ? PR_NONE : m->symbols[sym].first; j != PR_NONE && !earlier;
         j = m->bindings[j].next)
      earlier = nam003_binds(&m->bindings[j]) && ts_node_start_byte(m->bindings[j].node) < ts_node_start_byte(c->node);
    if (!earlier) nam003_report(ctx, c->node, c->name);
  }
  for (uint32_t i = 0; i < m->binding_count; i++) {
    const pr_binding *b = &m->bindings[i];
    if (b->name_len != 1 || (b->name[0] != 'l' && b->name[0] != 'O' && b->name[0] != 'I')) continue;
    if (!nam003_binds(b)) continue;
    /* the first such binding of the symbol (its bindings are chained in document order) */
    uint32_t first = PR_NONE;
    for (uint32_t j = m->symbols[b->symbol].first; j != PR_NONE; j = m->bindings[j].next)
      if (nam003_binds(&m->bindings[j]) &&
          (first == PR_NONE || ts_node_start_byte(m->bindings[j].node) < ts_node_start_byte(m->bindings[first].node)))
        first = j;
    if (first != i) continue;
    const nam003_capture *c = nam003_first_capture(st, b->scope, b->name[0]);
    if (c && ts_node_start_byte(c->node) < ts_node_start_byte(b->node)) continue;
    nam003_report(ctx, b->node, b->name[0]);
  }
}

const pr_rule pr_rule_nam003 = {
  .code = "NAM003",
  .name = "ambiguous-name",
  .category = "Naming",
  .severity = PR_SEV_INFORMATION,
  .cwe = 0,
  .tags = 0,
  .flags = 0,
  .summary = "A variable, parameter, function or class named `l`, `O` or `I`",
  .doc = pr_doc_nam003,
  .kinds = {pr_kind_case_clause},
  .on_node = nam003_on_case,
  .on_file_end = nam003_check,
};
