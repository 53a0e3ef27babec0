/* SEC008 insecure-temp-file: predictable temporary file names.
 *
 * ## What it does
 * Flags calls of `tempfile.mktemp`, `os.tempnam` and `os.tmpnam` (in test
 * code too), and — outside test code — a string literal starting with
 * `/tmp/`, `/var/tmp/` or `/dev/shm/` passed directly (as any argument) to
 * `open`, `io.open`, an `os` function (not `os.path.*`), a `shutil` function
 * or `pathlib.Path`. The literal may start a built path (`"/tmp/app-%d" %
 * pid`, `"/tmp/" + name`, `"/tmp/{}".format(n)`, an f-string): the place is
 * still fixed in advance. Names bound to such literals are not followed.
 *
 * ## Why is this bad?
 * A name in a world-writable directory that is known in advance, or merely
 * chosen before the file is created, can be created first by another local
 * user: as a symlink to a file the program will then overwrite, or as a file
 * whose contents the program will trust (CWE-377).
 *
 * ## Example
 * ```python
 * import tempfile
 *
 * def spool(data):
 *     path = tempfile.mktemp(suffix=".csv")
 *     with open(path, "w") as fh:
 *         fh.write(data)
 *     with open("/tmp/report.lock", "w") as lock:
 *         lock.write("1")
 * ```
 *
 * ## Use instead
 * Let `tempfile` create the file (or a private directory) atomically:
 * ```python
 * import tempfile
 *
 * def spool(data):
 *     with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
 *         fh.write(data)
 *     with tempfile.TemporaryDirectory() as workdir:
 *         ...
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

static const char *const sec008_mktemp[] = {"tempfile.mktemp", "os.tempnam", "os.tmpnam", NULL};
static const char *const sec008_prefixes[] = {"/tmp/", "/var/tmp/", "/dev/shm/", NULL};

/* True when the callee takes paths: open, io.open, os.* (not os.path.*), shutil.*, pathlib.Path. */
static bool sec008_path_sink(const char *q) {
  if (!strcmp(q, "open") || !strcmp(q, "io.open") || !strcmp(q, "pathlib.Path")) return true;
  if (!strncmp(q, "os.", 3)) return strncmp(q, "os.path.", 8) != 0 && strchr(q + 3, '.') == NULL;
  if (!strncmp(q, "shutil.", 7)) return strchr(q + 7, '.') == NULL;
  return false;
}

/* The string literal a path argument starts with: the argument itself, or the
 * leftmost operand of `+`/`%` and the receiver of `.format()` (`"/tmp/x%d" %
 * pid` is still a fixed place in /tmp); else a null node. */
static TSNode sec008_leading_literal(TSNode arg) {
  for (int depth = 0; depth < 16; depth++) {
    arg = pr_unparenthesize(arg);
    pr_kind k = pr_node_kind(arg);
    if (k == pr_kind_string || k == pr_kind_concatenated_string) return arg;
    if (k == pr_kind_binary_operator) {
      arg = pr_child(arg, pr_field_left);
    } else if (k == pr_kind_call) {
      TSNode fn = pr_unparenthesize(pr_child(arg, pr_field_function));
      if (pr_node_kind(fn) != pr_kind_attribute) break;
      arg = pr_child(fn, pr_field_object);
      TSNode inner = pr_unparenthesize(arg);
      if (pr_node_kind(inner) != pr_kind_string && pr_node_kind(inner) != pr_kind_concatenated_string) break;
    } else {
      break;
    }
  }
  return (TSNode){0};
}

/* The temporary directory a string literal starts in, or NULL. */
static const char *sec008_tmp_literal(const pr_ctx *ctx, TSNode arg) {
  arg = pr_unparenthesize(arg);
  pr_kind k = pr_node_kind(arg);
  if (k != pr_kind_string && k != pr_kind_concatenated_string) return NULL;
  char buf[16];
  uint32_t n = pr_string_text(ctx, arg, buf, sizeof buf, NULL);
  for (int i = 0; sec008_prefixes[i]; i++) {
    size_t pl = strlen(sec008_prefixes[i]);
    if (n >= pl && !memcmp(buf, sec008_prefixes[i], pl)) return sec008_prefixes[i];
  }
  return NULL;
}

/* Every finding needs one of these in the file's text (names.h: pr_text_mentions). */
static const char *const sec008_needles[] = {"tempfile", "tempnam", "tmpnam", "/tmp/", "/var/tmp/", "/dev/shm/", NULL};

static bool sec008_relevant(pr_ctx *ctx) {
  return pr_rule_mentions(ctx, sec008_needles);
}

static void sec008_check(pr_ctx *ctx, TSNode call) {
  if (!sec008_relevant(ctx)) return;
  char q[64];
  if (!pr_call_qualified_name(ctx, call, q, sizeof q)) return;
  for (int i = 0; sec008_mktemp[i]; i++) {
    if (strcmp(q, sec008_mktemp[i])) continue;
    pr_report(ctx, call,
              "`%s` returns a name that another process can create first: use `tempfile.mkstemp`, "
              "`NamedTemporaryFile` or `TemporaryDirectory`",
              q);
    return;
  }
  if (!sec008_path_sink(q) || pr_in_test_code(ctx, ctx->scope)) return;
  TSNode args = pr_child(call, pr_field_arguments);
  if (pr_node_kind(args) != pr_kind_argument_list) return;
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (pr_node_kind(a) == pr_kind_keyword_argument) a = pr_child(a, pr_field_value);
    TSNode lit = sec008_leading_literal(a);
    const char *dir = ts_node_is_null(lit) ? NULL : sec008_tmp_literal(ctx, lit);
    if (!dir) continue;
    pr_report(ctx, lit,
              "a fixed path in `%.*s` given to `%s` can be created or replaced first by another local user: "
              "use `tempfile.mkstemp`, `NamedTemporaryFile` or `TemporaryDirectory`",
              (int)strlen(dir) - 1, dir, q);
  }
}

const pr_rule pr_rule_sec008 = {
  .code = "SEC008",
  .name = "insecure-temp-file",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 377,
  .tags = 0,
  .flags = 0,
  .summary = "Predictable temporary file names: tempfile.mktemp, fixed paths in /tmp",
  .doc = pr_doc_sec008,
  .kinds = {pr_kind_call},
  .on_node = sec008_check,
};
