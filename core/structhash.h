/* structhash.h - a structural hash of a statement or an expression, for the
 * rules that look for copies (TST009 duplicate cleanups, DUP001 duplicate
 * blocks): one hash per node, so a duplicate search is one pass with a hash
 * table, never a comparison of every pair.
 *
 * Two nodes hash alike when their syntax trees are alike. Ignored:
 *   - whitespace, line breaks and backslash continuations (never in the tree);
 *   - comments (anywhere inside the node);
 *   - parentheses around an expression (`(a + b)` is `a + b`; the parentheses
 *     of a call's argument list, a tuple or a generator are syntax and count);
 *   - a trailing comma before a closing bracket (`f(a,)` is `f(a)`; `(a,)`
 *     is still a tuple, which `(a)` is not);
 *   - quote style: `'x'`, `"x"`, `'''x'''` are the same string; the prefix
 *     letters count, in any case (`r'x'` is `R"x"`, not `'x'`).
 * Kept: every node kind, every identifier, keyword and operator, the text of
 * numbers (`1` is not `1.0`) and of string contents and escapes as written.
 * The hash is 64 bits (not cryptographic); equal trees always hash alike and
 * different ones collide with negligible probability. Nothing here allocates
 * and nothing recurses, so deep expressions are fine. */
#ifndef PR_STRUCTHASH_H
#define PR_STRUCTHASH_H

#include <stdint.h>
#include <tree_sitter/api.h>

/* The structural hash of `node`, whose text is in `text` (the source the tree
 * was parsed from). */
uint64_t pr_struct_hash(const char *text, TSNode node);

#endif
