/* statements.h - the catalog's "Statement count" (DOC102, TST004, CPX001) and
 * docstrings, shared by the rules that need them. */
#ifndef PR_STATEMENTS_H
#define PR_STATEMENTS_H

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
 * function of a file is linear in its size. */
uint32_t pr_statement_count(const char *text, TSNode function_definition);

#endif
