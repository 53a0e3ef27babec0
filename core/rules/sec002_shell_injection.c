/* SEC002 shell-injection: a non-literal command run through a shell.
 *
 * ## What it does
 * Flags a command that is not a literal value (a string, or a list or tuple
 * display with a non-literal element; catalog: Literal values) given to:
 * - `subprocess.run`, `call`, `check_call`, `check_output` or `Popen` (first
 *   argument or `args=`) with `shell=True` or another truthy constant (`1`, a
 *   non-empty string, list, tuple or dict display); a `shell=` value that is
 *   not a constant is not flagged, and neither is any call without it;
 * - `subprocess.getoutput`/`getstatusoutput`, `os.system`, `os.popen`,
 *   `os.popen2/3/4`, `popen2.popen2/3/4` and `commands.getoutput`/
 *   `getstatusoutput`, which always run a shell;
 * - `os.spawn*` (`spawnl`, `spawnv`, `spawnvp`, ...) as the program, their
 *   second argument.
 * Calls match on qualified names after the file's imports (`sp.run` after
 * `import subprocess as sp`).
 *
 * ## Why is this bad?
 * The shell parses the whole string: a value containing `;`, `|`, `$(...)`
 * or a backquote runs commands of the attacker's choosing (CWE-78). Quoting
 * by hand is easy to get wrong, and a program name taken from outside lets
 * the caller run any binary.
 *
 * ## Example
 * ```python
 * import subprocess
 *
 * def archive(folder):
 *     subprocess.run("tar czf backup.tgz " + folder, shell=True)
 * ```
 *
 * ## Use instead
 * Pass an argument list and no shell, so each value stays one argument:
 * ```python
 * import subprocess
 *
 * def archive(folder):
 *     subprocess.run(["tar", "czf", "backup.tgz", "--", folder], check=True)
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <stdio.h>
#include <string.h>

/* Longest `shell=` value quoted in a message. */
#define SEC002_MAX_SHELL_TEXT 20

static const char *const sec002_shell_optional[] = {
  "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen",
  NULL,
};

static const char *const sec002_always_shell[] = {
  "subprocess.getoutput", "subprocess.getstatusoutput", "os.system", "os.popen", "os.popen2", "os.popen3",
  "os.popen4", "popen2.popen2", "popen2.popen3", "popen2.popen4", "commands.getoutput",
  "commands.getstatusoutput", NULL,
};

static const char *const sec002_spawn[] = {
  "os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe", "os.spawnv", "os.spawnve", "os.spawnvp", "os.spawnvpe",
  NULL,
};

static bool sec002_in(const char *name, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (!strcmp(name, list[i])) return true;
  return false;
}

/* True for a list or tuple display all of whose elements are literal values. */
static bool sec002_literal_display(const pr_ctx *ctx, TSNode display) {
  uint32_t n = ts_node_named_child_count(display);
  for (uint32_t i = 0; i < n; i++) {
    TSNode e = ts_node_named_child(display, i);
    if (pr_node_kind(e) == pr_kind_comment) continue;
    if (!pr_is_literal(ctx, e, ctx->scope)) return false;  /* a *splat is not literal either */
  }
  return true;
}

/* True when the command is a literal value: a literal string, or a list/tuple
 * display (directly, or as the value of a name bound once to it) whose
 * elements are all literal. */
static bool sec002_literal_command(const pr_ctx *ctx, TSNode cmd) {
  cmd = pr_unparenthesize(cmd);
  pr_kind k = pr_node_kind(cmd);
  if (k == pr_kind_identifier) {
    TSNode v = pr_unparenthesize(pr_single_assignment_value(ctx, cmd, ctx->scope));
    pr_kind vk = pr_node_kind(v);
    if (!ts_node_is_null(v) && (vk == pr_kind_list || vk == pr_kind_tuple)) return sec002_literal_display(ctx, v);
  }
  if (k == pr_kind_list || k == pr_kind_tuple) return sec002_literal_display(ctx, cmd);
  return pr_is_literal(ctx, cmd, ctx->scope);
}




static void sec002_check(pr_ctx *ctx, TSNode call) {
  char q[64];
  if (!pr_call_qualified_name(ctx, call, q, sizeof q)) return;
  /* every name of the lists is in one of these modules: most calls stop here */
  if (strncmp(q, "subprocess.", 11) && strncmp(q, "os.", 3) && strncmp(q, "popen2.", 7) && strncmp(q, "commands.", 9))
    return;
  if (!sec002_in(q, sec002_shell_optional) && !sec002_in(q, sec002_always_shell) && !sec002_in(q, sec002_spawn))
    return;
  if (sec002_in(q, sec002_shell_optional)) {
    TSNode shell = pr_call_keyword(ctx, call, "shell");
    if (ts_node_is_null(shell) || pr_constant_truth(ctx, shell) != 1) return;
    TSNode cmd = pr_call_argument(ctx, call, 0, "args");
    if (ts_node_is_null(cmd) || sec002_literal_command(ctx, cmd)) return;
    uint32_t len;
    const char *s = pr_text(ctx, shell, &len);
    if (len > SEC002_MAX_SHELL_TEXT || memchr(s, '\n', len) || memchr(s, '\r', len) || memchr(s, '`', len)) {
      s = "True";
      len = 4;
    }
    pr_report(ctx, call,
              "`%s` with `shell=%.*s` runs a command built from non-literal parts: pass an argument list "
              "without shell=True",
              q, (int)len, s);
    return;
  }
  if (sec002_in(q, sec002_always_shell)) {
    TSNode cmd = pr_call_positional(call, 0);
    if (ts_node_is_null(cmd)) cmd = pr_call_keyword(ctx, call, "cmd");
    if (ts_node_is_null(cmd)) cmd = pr_call_keyword(ctx, call, "command");
    if (ts_node_is_null(cmd) || sec002_literal_command(ctx, cmd)) return;
    pr_report(ctx, call,
              "`%s` runs a command built from non-literal parts through the shell: use `subprocess.run` "
              "with an argument list (no shell=True)",
              q);
    return;
  }
  if (sec002_in(q, sec002_spawn)) {
    TSNode program = pr_call_positional(call, 1);
    if (ts_node_is_null(program)) program = pr_call_keyword(ctx, call, "file");
    if (ts_node_is_null(program)) program = pr_call_keyword(ctx, call, "path");
    if (ts_node_is_null(program) || sec002_literal_command(ctx, program)) return;
    pr_report(ctx, call,
              "`%s` runs a program named by a non-literal value: use a fixed program path, choosing among "
              "allowed programs with a fixed table",
              q);
  }
}

const pr_rule pr_rule_sec002 = {
  .code = "SEC002",
  .name = "shell-injection",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 78,
  .tags = 0,
  .flags = 0,
  .summary = "A non-literal command run through a shell",
  .doc = pr_doc_sec002,
  .kinds = {pr_kind_call},
  .on_node = sec002_check,
};
