/* SEC014 permissive-file-mode: a literal file mode that lets group or others write.
 *
 * ## What it does
 * Flags `os.chmod`, `os.fchmod`, `os.lchmod`, `os.mkdir` and `os.makedirs`
 * (the mode is the second argument or `mode=`), and `.chmod(mode)` and
 * `.mkdir(mode=...)` on a pathlib object, when the mode is a literal that
 * grants write permission to the group or to others (`mode & 0o022`: `0o777`,
 * `0o664`, `0o666`, `stat.S_IWOTH`). A literal mode is an integer literal
 * (Python 2 `0777` included), `stat.S_*` constants, or combinations of them
 * with `|`, `&`, `^` and `+`. Modes such as `0o755`, `0o711` and `0o644`, and
 * modes that are not literal, are not flagged.
 *
 * A pathlib object is a `pathlib.Path(...)` (or `PosixPath`/`WindowsPath`)
 * call, `Path.home()`/`Path.cwd()`, a path derived from one (`p / "x"`,
 * `p.parent`, `p.joinpath(...)`, `p.with_suffix(...)`, `p.resolve()`, ...), a
 * name bound once to one in the same function or at module level, or a
 * parameter annotated `Path`.
 *
 * ## Why is this bad?
 * A file or directory that other users can write can be replaced or altered
 * by them (CWE-732): configuration, scripts and data become an attack
 * surface for any local account or compromised service.
 *
 * ## Example
 * ```python
 * import os
 *
 * os.makedirs(cache_dir, 0o777)
 * os.chmod(script, 0o775)
 * ```
 *
 * ## Use instead
 * Grant write to the owner only:
 * ```python
 * import os
 * import stat
 *
 * os.makedirs(cache_dir, 0o700)
 * os.chmod(script, stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP)
 * ```
 */
#include "filemode.h"
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

static const char *const sec014_os_calls[] = {
  "os.chmod", "os.fchmod", "os.lchmod", "os.mkdir", "os.makedirs", NULL,
};

static const char *const sec014_path_classes[] = {
  "pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath", NULL,
};

/* Methods of a path that return another path of the same kind. */
static const char *const sec014_path_methods[] = {
  "joinpath", "with_name", "with_suffix", "with_stem", "resolve", "absolute", "expanduser", "relative_to",
  "readlink", NULL,
};

static bool sec014_in(const char *name, uint32_t len, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == len && !memcmp(list[i], name, len)) return true;
  return false;
}

/* True when `expr` annotates a path: `Path`, `pathlib.Path`, `PosixPath`. */
static bool sec014_path_type(const pr_ctx *ctx, TSNode type, uint32_t scope) {
  if (pr_node_kind(type) == pr_kind_type && ts_node_named_child_count(type) == 1) type = ts_node_named_child(type, 0);
  char buf[64];
  if (!pr_qualified_name(ctx, type, scope, buf, sizeof buf)) return false;
  for (int i = 0; sec014_path_classes[i]; i++)
    if (!strcmp(buf, sec014_path_classes[i])) return true;
  return false;
}

/* True when `expr`, read in `scope`, is a pathlib object (see the doc above). */
static bool sec014_is_path(const pr_ctx *ctx, TSNode expr, uint32_t scope, int depth) {
  if (depth > 8) return false;
  expr = pr_unparenthesize(expr);
  switch (pr_node_kind(expr)) {
  case pr_kind_call: {
    TSNode fn = pr_unparenthesize(pr_child(expr, pr_field_function));
    char buf[64];
    if (pr_qualified_name(ctx, fn, scope, buf, sizeof buf)) {
      for (int i = 0; sec014_path_classes[i]; i++) {
        size_t l = strlen(sec014_path_classes[i]);
        if (!strcmp(buf, sec014_path_classes[i])) return true;
        /* Path.home(), Path.cwd() */
        if (!strncmp(buf, sec014_path_classes[i], l) && (!strcmp(buf + l, ".home") || !strcmp(buf + l, ".cwd")))
          return true;
      }
    }
    if (pr_node_kind(fn) != pr_kind_attribute) return false;
    uint32_t ml;
    const char *m = pr_text(ctx, pr_child(fn, pr_field_attribute), &ml);
    return sec014_in(m, ml, sec014_path_methods) &&
           sec014_is_path(ctx, pr_child(fn, pr_field_object), scope, depth + 1);
  }
  case pr_kind_binary_operator: {
    if (!pr_text_is(ctx, pr_child(expr, pr_field_operator), "/")) return false;
    return sec014_is_path(ctx, pr_child(expr, pr_field_left), scope, depth + 1);
  }
  case pr_kind_attribute: {
    if (!pr_text_is(ctx, pr_child(expr, pr_field_attribute), "parent")) return false;
    return sec014_is_path(ctx, pr_child(expr, pr_field_object), scope, depth + 1);
  }
  case pr_kind_identifier: {
    TSNode v = pr_single_assignment_value(ctx, expr, scope);
    if (!ts_node_is_null(v)) return sec014_is_path(ctx, v, scope, depth + 1);
    /* a parameter annotated with a path class */
    uint32_t len;
    const char *s = pr_text(ctx, expr, &len);
    uint32_t b = pr_model_resolve(ctx->model, scope, s, len, ts_node_start_byte(expr));
    if (b == PR_NONE) return false;
    const pr_binding *bd = &ctx->model->bindings[b];
    const pr_symbol *sym = &ctx->model->symbols[bd->symbol];
    if (bd->kind != PR_BIND_PARAMETER || sym->count != 1) return false;
    TSNode param = ts_node_parent(bd->node);
    pr_kind pk = pr_node_kind(param);
    if (pk != pr_kind_typed_parameter && pk != pr_kind_typed_default_parameter) return false;
    return sec014_path_type(ctx, pr_child(param, pr_field_type), scope);
  }
  default:
    return false;
  }
}

/* Every finding calls a chmod, mkdir or makedirs function or method (names.h: pr_text_mentions). */
static const char *const sec014_needles[] = {"chmod", "mkdir", "makedirs", NULL};

static bool sec014_relevant(pr_ctx *ctx) {
  return pr_rule_mentions(ctx, sec014_needles);
}

static void sec014_check(pr_ctx *ctx, TSNode call) {
  if (!sec014_relevant(ctx)) return;
  TSNode mode = {0};
  const char *what = NULL;
  char name[64];
  if (pr_call_matches(ctx, call, sec014_os_calls)) {
    mode = pr_call_argument(ctx, call, 1, "mode");
    pr_call_qualified_name(ctx, call, name, sizeof name);
    what = name;
  } else {
    TSNode fn = pr_unparenthesize(pr_child(call, pr_field_function));
    if (pr_node_kind(fn) != pr_kind_attribute) return;
    TSNode method = pr_child(fn, pr_field_attribute);
    bool chmod = pr_text_is(ctx, method, "chmod"), mkdir = !chmod && pr_text_is(ctx, method, "mkdir");
    if (!chmod && !mkdir) return;
    mode = pr_call_argument(ctx, call, 0, "mode");
    if (ts_node_is_null(mode)) return;
    if (!sec014_is_path(ctx, pr_child(fn, pr_field_object), ctx->scope, 0)) return;
    what = chmod ? "Path.chmod" : "Path.mkdir";
  }
  if (ts_node_is_null(mode)) return;
  uint64_t value;
  if (!pr_literal_file_mode(ctx, mode, ctx->scope, &value)) return;
  if (!(value & 022)) return;
  const char *who = (value & 020) && (value & 02) ? "the group and others" : (value & 020) ? "the group" : "others";
  pr_report(ctx, call,
            "`%s` with mode 0o%llo lets %s write; grant write to the owner only (e.g. 0o755, 0o700 or 0o644)",
            what, (unsigned long long)(value & 07777), who);
}

const pr_rule pr_rule_sec014 = {
  .code = "SEC014",
  .name = "permissive-file-mode",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 732,
  .summary = "A literal file mode that lets group or others write",
  .doc = pr_doc_sec014,
  .kinds = {pr_kind_call},
  .on_node = sec014_check,
};
