/* hooks.h - names chosen by an API rather than by the file (catalog: Inherited
 * names, "Hook names"): unittest's and logging's methods, handler hooks. The one
 * list that DOC102 (no docstring demanded) and NAM001 (not an own name) share. */
#ifndef PR_HOOKS_H
#define PR_HOOKS_H

#include <stdint.h>

typedef enum pr_hook {
  PR_HOOK_NONE = 0,
  PR_HOOK_NAME,        /* a listed name, or unittest's `assert*`/`assert_*`/`fail*` families */
  PR_HOOK_HANDLER,     /* `do_*` (http.server, cmd.Cmd) or `visit_*` (ast.NodeVisitor): hooks as methods */
} pr_hook;

/* What kind of hook name[0..len) is. */
pr_hook pr_hook_kind(const char *name, uint32_t len);

#endif
