/* CPX002 too-complex: a function whose McCabe complexity is over 10.
 *
 * ## What it does
 * Computes each function's cyclomatic complexity as McCabe counts it: 1,
 * plus one per `if`, `elif`, `for`, `while` (and `async for`), `except`,
 * conditional expression (`a if c else b`), comprehension `if`, extra
 * operand of `and`/`or` (`a and b and c` adds 2), `case` (except a last
 * unguarded irrefutable `case _:`) and `case` guard. `else` clauses,
 * comprehension `for`s, `try` and `with` add nothing. Lambdas count toward
 * the function around them; a nested `def` is measured on its own. Flags a
 * function over 10 (configurable `max-complexity`).
 *
 * ## Why is this bad?
 * The complexity is the number of independent paths through the function:
 * each needs its own test, and a reader has to keep them all apart. Past
 * ten, functions are hard to understand and changes to them break paths
 * nobody thought of.
 *
 * ## Example
 * ```python
 * def price(order):
 *     if order.express:
 *         ...
 *     elif order.country != "DE":
 *         ...
 *     # eleven branches in all
 * ```
 *
 * ## Use instead
 * Split the decisions into functions, or replace a chain of `elif`s with a
 * lookup table.
 */
#include "options.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

typedef struct cpx002_open {
  TSNode def;         /* a function_definition, or null for a class (a barrier) */
  uint32_t end;
  uint32_t complexity;
} cpx002_open;

typedef struct cpx002_state {
  cpx002_open *open;
  uint32_t count, cap;
} cpx002_state;

static void cpx002_close(pr_ctx *ctx, const cpx002_open *o) {
  uint32_t limit = ctx->thresholds->max_complexity;
  if (ts_node_is_null(o->def) || o->complexity <= limit) return;
  TSNode name = pr_child(o->def, pr_field_name);
  if (ts_node_is_null(name)) return;
  uint32_t len;
  const char *s = pr_text(ctx, name, &len);
  pr_report(ctx, name,
            "`%.*s` has a cyclomatic complexity of %u (limit %u): split its decisions into smaller functions",
            (int)len, s, o->complexity, limit);
}

/* True for a `case` that adds nothing: the last one, unguarded, `case _:` or a bare capture. */
static bool cpx002_irrefutable_last(pr_ctx *ctx, TSNode clause) {
  TSNode next = ts_node_next_named_sibling(clause);
  while (!ts_node_is_null(next) && pr_node_kind(next) == pr_kind_comment) next = ts_node_next_named_sibling(next);
  if (!ts_node_is_null(next)) return false;
  uint32_t patterns = 0, n = ts_node_named_child_count(clause);
  bool irrefutable = false;
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(clause, i);
    pr_kind k = pr_node_kind(c);
    if (k == pr_kind_if_clause) return false;
    if (k != pr_kind_case_pattern) continue;
    patterns++;
    TSNode inner = ts_node_named_child(c, 0);
    irrefutable = pr_text_is(ctx, c, "_") ||
                  (ts_node_named_child_count(c) == 1 && pr_node_kind(inner) == pr_kind_dotted_name &&
                   ts_node_named_child_count(inner) == 1);
  }
  return patterns == 1 && irrefutable;
}

static void cpx002_on_node(pr_ctx *ctx, TSNode node) {
  cpx002_state *st = pr_rule_state(ctx, sizeof *st);
  if (!st) return;
  uint32_t start = ts_node_start_byte(node);
  while (st->count && st->open[st->count - 1].end <= start) cpx002_close(ctx, &st->open[--st->count]);
  pr_kind k = pr_node_kind(node);
  if (k == pr_kind_function_definition || k == pr_kind_class_definition) {
    if (st->count == st->cap) {
      uint32_t cap = st->cap ? st->cap * 2 : 16;
      cpx002_open *open = pr_ctx_alloc(ctx, cap * sizeof *open);
      if (!open) return;
      if (st->count) memcpy(open, st->open, st->count * sizeof *open);
      st->open = open;
      st->cap = cap;
    }
    TSNode none = {0};
    cpx002_open *o = &st->open[st->count++];
    o->def = k == pr_kind_function_definition ? node : none;
    o->end = ts_node_end_byte(node);
    o->complexity = 1;
    return;
  }
  if (!st->count || ts_node_is_null(st->open[st->count - 1].def)) return;
  if (k == pr_kind_case_clause && cpx002_irrefutable_last(ctx, node)) return;
  st->open[st->count - 1].complexity++;
}

static void cpx002_end(pr_ctx *ctx) {
  cpx002_state *st = ctx->state;
  if (!st) return;
  while (st->count) cpx002_close(ctx, &st->open[--st->count]);
}

const pr_rule pr_rule_cpx002 = {
  .code = "CPX002",
  .name = "too-complex",
  .category = "Complexity",
  .severity = PR_SEV_INFORMATION,
  .cwe = 0,
  .tags = 0,
  .flags = 0,
  .summary = "A function whose McCabe complexity is over 10",
  .doc = pr_doc_cpx002,
  .kinds = {pr_kind_function_definition, pr_kind_class_definition, pr_kind_if_statement, pr_kind_elif_clause,
            pr_kind_for_statement, pr_kind_while_statement, pr_kind_except_clause, pr_kind_except_group_clause,
            pr_kind_conditional_expression, pr_kind_if_clause, pr_kind_boolean_operator, pr_kind_case_clause},
  .on_node = cpx002_on_node,
  .on_file_end = cpx002_end,
};
