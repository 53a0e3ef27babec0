/* DED004 unreachable-code: statements after a terminator in the same block.
 *
 * ## What it does
 * Flags the statements that follow a terminator in the same block, one
 * finding per block covering them all. Terminators are `return`, `raise`,
 * `continue` and `break`; a call statement of `sys.exit`, `exit`, `quit`,
 * `os._exit`, `os.abort`, `self.fail`, `self.skipTest`, `pytest.fail`,
 * `pytest.skip`, `pytest.xfail`, `pytest.exit` or of a function of the same
 * file annotated `-> NoReturn`/`-> Never`; an `if` with an `else` whose
 * every branch holds a terminator; a `try` whose `finally` holds one, or
 * whose body (or `else`) and every handler do; a `match` whose every case
 * holds one and whose last case is `case _:`; and `while True:` without a
 * `break` of its own. `yield` statements after the terminator in a block
 * that yields nothing before it (`raise TypeError` then `yield`: the idiom
 * that makes a function a generator) are left alone.
 *
 * ## Why is this bad?
 * Code that can never run misleads its reader into thinking it does
 * something, and usually means a mistake: a statement indented one level
 * too deep, or an early `return` left over from debugging.
 *
 * ## Example
 * ```python
 * def load(path):
 *     if not path:
 *         raise ValueError("no path")
 *         log.warning("empty path")
 *     return read(path)
 * ```
 *
 * ## Use instead
 * ```python
 * def load(path):
 *     if not path:
 *         log.warning("empty path")
 *         raise ValueError("no path")
 *     return read(path)
 * ```
 */
#include "rule.h"
#include "rule_docs.h"
#include "statements.h"

/* True for a statement that is a `yield` expression (`yield`, `yield None`). */
static bool ded004_yield(TSNode stmt) {
  if (pr_node_kind(stmt) != pr_kind_expression_statement || ts_node_named_child_count(stmt) != 1) return false;
  return pr_node_kind(ts_node_named_child(stmt, 0)) == pr_kind_yield;
}

static bool ded004_is_definition(pr_kind k) {
  return k == pr_kind_function_definition || k == pr_kind_class_definition || k == pr_kind_decorated_definition;
}

/* The first statement of `block` after one that never lets control reach it,
 * or a null node (also for a block holding an ERROR or a missing node). Only a
 * statement with a successor is asked whether it terminates: the question
 * can recurse through nested blocks, and the last statement needs no answer.
 * Every block of the file comes here: its statements come from the walk
 * (pr_block_children), not from ts_node_named_child. */
static TSNode ded004_first_unreachable(pr_ctx *ctx, TSNode block) {
  const TSNode *kids;
  uint32_t n = pr_block_children(ctx, block, &kids);
  TSNode prev = {0};
  pr_kind prev_kind = pr_kind_other;
  for (uint32_t i = 0; i < n && n != PR_NONE; i++) {
    TSNode s = kids[i];
    pr_kind k = pr_node_kind(s);
    if (k == pr_kind_comment) continue;
    if (k == pr_kind_ERROR || ts_node_is_missing(s)) return (TSNode){0};
    /* a definition never ends the block's flow (and its body is another
       function's: rule.h, local rules) */
    if (!ts_node_is_null(prev) && !ded004_is_definition(prev_kind) && pr_statement_terminates(ctx, prev, ctx->scope))
      return s;
    prev = s;
    prev_kind = k;
  }
  return (TSNode){0};
}

static void ded004_check(pr_ctx *ctx, TSNode block) {
  TSNode first = ded004_first_unreachable(ctx, block);
  if (ts_node_is_null(first)) return;
  /* rare from here: the statements after `first`, and the yields around it */
  TSNode last = first;
  bool after = false, only_yield = true, yield_before = false;
  const TSNode *kids;
  uint32_t n = pr_block_children(ctx, block, &kids);
  for (uint32_t i = 0; i < n && n != PR_NONE; i++) {
    TSNode s = kids[i];
    pr_kind k = pr_node_kind(s);
    if (k == pr_kind_comment) continue;
    if (k == pr_kind_ERROR || ts_node_is_missing(s)) return;
    after = after || ts_node_eq(s, first);
    if (after) {
      last = s;
      only_yield = only_yield && ded004_yield(s);
    } else {
      yield_before = yield_before || ded004_yield(s);
    }
  }
  /* `raise TypeError` then `yield`: the statement that makes the function a generator */
  if (only_yield && !yield_before) return;
  pr_report_range(ctx, first, ts_node_start_byte(first), ts_node_end_byte(last),
                  "This code is unreachable: the statement before it never lets control reach it; remove it or "
                  "move it before that statement");
}

const pr_rule pr_rule_ded004 = {
  .code = "DED004",
  .name = "unreachable-code",
  .category = "Dead code",
  .severity = PR_SEV_WARNING,
  .cwe = 0,
  .tags = PR_TAG_UNNECESSARY,
  .flags = 0,
  .summary = "Statements after a return, raise, continue, break or exit",
  .doc = pr_doc_ded004,
  .kinds = {pr_kind_block, pr_kind_module},
  .on_node = ded004_check,
};
