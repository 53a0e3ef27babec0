/* boundcall.h - "a name bound to a call of X in the same scope" (SEC007's
 * `s = requests.Session()` ... `s.verify = False`, SEC011's
 * `tf = tarfile.open(p)` / `with tarfile.open(p) as tf:` ... `tf.extractall()`).
 *
 * Local by construction: only the bindings of the name in the scope where it
 * is read are looked at (a function's own locals, or module-level names for
 * module-level code); a name of an enclosing function, a parameter, a global
 * or an attribute (`self.tf`) is never followed. The binding that counts is
 * the last one of that scope above the read (by position); it must be a plain
 * or annotated assignment of the single name, or a `with ... as name` item,
 * whose value is a call whose callee's qualified name (names.h) is one of the
 * listed names.
 *
 * Memory: nothing is allocated; the returned node points into the tree. */
#ifndef PR_BOUNDCALL_H
#define PR_BOUNDCALL_H

#include "rule.h"

/* `expr` (parentheses skipped) is itself a call of one of the NULL-terminated
 * qualified names, or an identifier bound in `scope` (see above) to such a
 * call: returns that call; else a null node. `matched` (may be NULL) receives
 * the index of the matching name. */
TSNode pr_bound_call(const pr_ctx *ctx, TSNode expr, uint32_t scope, const char *const *qualified_names,
                     int *matched);

#endif
