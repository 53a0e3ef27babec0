/* statements.h - the catalog's "Statement count" (DOC102, TST004, CPX001),
 * docstrings and "Terminators" (DED004, SEC015), shared by the rules that
 * need them. Nothing here allocates. */
#ifndef PR_STATEMENTS_H
#define PR_STATEMENTS_H

#include "rule.h"
#include "syntax.h"

#include <stdint.h>

/* The docstring statement of a function or class (its first statement when that
 * is a string literal expression, parenthesised or implicitly concatenated, with
 * no f or b prefix: Python leaves `__doc__` None for those), or a null node.
 * `text` is the source the node's tree was parsed from. */
TSNode pr_docstring(const char *text, TSNode definition);

/* The statement count of a function_definition: every statement of its body
 * counts 1 plus the statements nested in it; elif/else/except/finally/case
 * clauses are not statements; a nested def or class counts 1 without its body;
 * the docstring does not count; statements inside ERROR nodes are not counted.
 * Walks with a cursor and never enters nested definitions, so counting every
 * function of a file is linear in its size. Rules use the count the review's
 * walk keeps (rule.h: pr_def_statement_count), which equals this one. */
uint32_t pr_statement_count(const char *text, TSNode function_definition);
/* The compound statements whose clauses and blocks hold other statements:
 * if, for, while, try, with, match (not def and class, whose bodies are
 * another scope's). */
bool pr_statement_is_compound(pr_kind kind);
/* The nodes through which a function's statement count reaches nested
 * statements: blocks, compound statements and their clauses. */
bool pr_statement_count_descends(pr_kind kind);

/* The catalog's "Terminators": true when `stmt`, read in `scope`, never lets
 * control reach the statement after it. A `return`, `raise`, `continue` or
 * `break`; an expression statement calling `sys.exit`, `exit`, `quit`,
 * `os._exit`, `os.abort`, `self.fail`, `self.skipTest`, `pytest.fail`,
 * `pytest.skip`, `pytest.xfail`, `pytest.exit`, or a function of the same file
 * annotated `-> NoReturn`/`-> Never`; an `if` with an `else` whose every branch
 * contains a terminator; a `try` whose `finally` contains one, or whose body
 * (or `else`) and every handler contain one; a `match` whose every case
 * contains one and whose last case is `case _:`; `while True:` without a
 * `break` of its own. Other loops and `with` never terminate.
 *
 * Locality (incremental review): a `-> NoReturn` function counts only when it
 * is defined in the same top-level function as the call (or the call is
 * outside every function), so the answer for a statement never depends on the
 * text of another function. */
bool pr_statement_terminates(const pr_ctx *ctx, TSNode stmt, uint32_t scope);

/* True when some statement directly in `block` is a terminator. */
bool pr_block_contains_terminator(const pr_ctx *ctx, TSNode block, uint32_t scope);

/* True when the last statement of `block` (comments aside) is a terminator. */
bool pr_block_ends_in_terminator(const pr_ctx *ctx, TSNode block, uint32_t scope);

/* True when `node` runs where an exception or a warning is expected, so that
 * it is evaluated for what it raises (TST005, TST010): inside a `with` whose
 * item calls something whose last name part contains `raise` or `warn` (any
 * case: `assertRaises`, `assertRaisesRegex`, `pytest.raises`, `assertWarns`,
 * `pytest.warns`, `check_warnings`), or in the body of a `try` with handlers;
 * the search stops at the enclosing def, class or module. `parent` is
 * `node`'s parent (ctx->parent in on_node), so that no search from the root
 * is needed for it. */
bool pr_expects_exception(const pr_ctx *ctx, TSNode node, TSNode parent);
/* Public functions (catalog: Definitions): `function_scope` is a function
 * whose name does not start with `_` (dunders are public), defined at module
 * level or in classes that are not inside a function and whose names do not
 * start with `_`. */
bool pr_function_is_public(const pr_model *m, uint32_t function_scope);

/* A fix's edit deleting the statement `stmt` (a simple statement): its whole
 * line when it stands alone on it (a trailing comment goes with it), `pass`
 * in its place when it is the only statement of its block or shares its line
 * with another statement. */
void pr_fix_delete_statement(pr_ctx *ctx, pr_finding *f, TSNode stmt);

#endif
