/* nesting.h - the catalog's "Block depth" (CPX004) for rules that see nodes in
 * document order (on_node), without a walk of their own.
 *
 * The statements directly in a function's body are at depth 0; `if`, `for`,
 * `while`, `try`, `with` and `match` hold statements one level deeper than
 * themselves (their clauses at that same level); a nested `def`, `class` or
 * `lambda` starts a count of its own. Feed it every compound statement and
 * every function_definition and class_definition a rule is shown, in
 * document order. */
#ifndef PR_NESTING_H
#define PR_NESTING_H

#include "rule.h"

#include <stdint.h>

typedef struct pr_nesting_open {
  uint32_t end;   /* byte where the node ends */
  int32_t inner;  /* the depth of the statements directly inside it, -1 outside functions */
} pr_nesting_open;

typedef struct pr_nesting {
  pr_nesting_open *open;  /* the nodes around the last one fed, outermost first */
  uint32_t count, cap;
} pr_nesting;

/* Feeds `node`; returns the block depth of `node` itself when it is a
 * compound statement inside a function (or a class defined in one), else -1
 * (module level, a class body at module level, a def or class). Memory from
 * the review (pr_ctx_alloc); on exhaustion it answers -1. */
int32_t pr_nesting_enter(pr_ctx *ctx, pr_nesting *nesting, TSNode node);

#endif
