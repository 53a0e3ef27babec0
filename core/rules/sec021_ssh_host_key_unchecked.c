/* SEC021 ssh-host-key-unchecked: paramiko told to accept unknown host keys.
 *
 * ## What it does
 * Flags a method call `set_missing_host_key_policy(...)` (any receiver; a
 * plain function call is not flagged) whose argument, positional or
 * `policy=`, is paramiko's `AutoAddPolicy` or `WarningPolicy`, as the class
 * or an instance, resolved through the file's imports (`paramiko.AutoAddPolicy()`,
 * `from paramiko.client import WarningPolicy`, `import paramiko as pm`), or a
 * name bound once, in the same function or at module level, to one of them.
 *
 * ## Why is this bad?
 * SSH authenticates the server by its host key. Accepting (or only warning
 * about) a key that is not in `known_hosts` means anyone who can intercept
 * the connection can impersonate the server and read the credentials and
 * commands sent to it (CWE-295).
 *
 * ## Example
 * ```python
 * client = paramiko.SSHClient()
 * client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
 * client.connect("build.example.com", username="deploy")
 * ```
 *
 * ## Use instead
 * Load the known host keys and keep the default `RejectPolicy`:
 * ```python
 * client = paramiko.SSHClient()
 * client.load_system_host_keys()
 * client.set_missing_host_key_policy(paramiko.RejectPolicy())
 * client.connect("build.example.com", username="deploy")
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

static const char *const sec021_policies[] = {
  "paramiko.AutoAddPolicy", "paramiko.client.AutoAddPolicy", "paramiko.WarningPolicy",
  "paramiko.client.WarningPolicy", NULL,
};

/* The policy's class name ("AutoAddPolicy") when `expr` is one of the unsafe
 * policies, as a class or an instance, else NULL. */
static const char *sec021_policy(const pr_ctx *ctx, TSNode expr, int depth) {
  expr = pr_unparenthesize(expr);
  pr_kind k = pr_node_kind(expr);
  if (k == pr_kind_call) return sec021_policy(ctx, pr_child(expr, pr_field_function), depth);
  if (k != pr_kind_identifier && k != pr_kind_attribute) return NULL;
  char q[128];
  if (pr_qualified_name(ctx, expr, ctx->scope, q, sizeof q)) {
    for (int i = 0; sec021_policies[i]; i++)
      if (!strcmp(q, sec021_policies[i])) return strrchr(sec021_policies[i], '.') + 1;
    return NULL;
  }
  if (k != pr_kind_identifier || depth > 4) return NULL;
  TSNode v = pr_single_assignment_value(ctx, expr, ctx->scope);
  return ts_node_is_null(v) ? NULL : sec021_policy(ctx, v, depth + 1);
}

/* Every finding calls `.set_missing_host_key_policy` (names.h: pr_text_mentions). */
static const char *const sec021_needles[] = {"set_missing_host_key_policy", NULL};

static bool sec021_relevant(pr_ctx *ctx) {
  return pr_rule_mentions(ctx, sec021_needles);
}

static void sec021_check(pr_ctx *ctx, TSNode call) {
  if (!sec021_relevant(ctx)) return;
  TSNode fn = pr_unparenthesize(pr_child(call, pr_field_function));
  if (pr_node_kind(fn) != pr_kind_attribute ||
      !pr_text_is(ctx, pr_child(fn, pr_field_attribute), "set_missing_host_key_policy"))
    return;
  TSNode arg = pr_call_argument(ctx, call, 0, "policy");
  if (ts_node_is_null(arg)) return;
  const char *policy = sec021_policy(ctx, arg, 0);
  if (!policy) return;
  pr_report(ctx, call,
            "`%s` accepts SSH host keys that are not known, so the server is never authenticated; load the "
            "known hosts and keep `RejectPolicy`",
            policy);
}

const pr_rule pr_rule_sec021 = {
  .code = "SEC021",
  .name = "ssh-host-key-unchecked",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 295,
  .summary = "paramiko's AutoAddPolicy or WarningPolicy for unknown host keys",
  .doc = pr_doc_sec021,
  .kinds = {pr_kind_call},
  .on_node = sec021_check,
};
