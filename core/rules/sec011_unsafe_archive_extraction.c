/* SEC011 unsafe-archive-extraction: extracting a tar archive without a filter ("tar slip").
 *
 * ## What it does
 * Flags `extractall(...)` and `extract(...)` on a `tarfile` object —
 * `tarfile.open(...)` or `tarfile.TarFile(...)` itself, or a name bound to
 * one in the same function (by assignment or `with ... as`) — without
 * `members=` and without a `filter=` that filters. `filter="fully_trusted"`,
 * `filter=tarfile.fully_trusted_filter` and `filter=None` filter nothing and
 * count as none; `"data"`, `"tar"`, `tarfile.data_filter` or a function of
 * your own count as a filter. A `**kwargs` spread counts as possibly passing
 * one.
 *
 * `extractall(path)` with a non-literal path on a `zipfile.ZipFile` object
 * (tracked the same way) is reported with the same code at severity
 * information: zipfile strips `..` and leading `/` from member names, so the
 * finding only asks to confirm that the destination is the intended one.
 * Without a path it is not flagged.
 *
 * ## Why is this bad?
 * A tar member may be named `../../home/user/.bashrc` or `/etc/cron.d/x`, or
 * be a symlink or hard link pointing outside the destination; extracting it
 * unfiltered writes wherever the archive's author chose (CWE-22).
 *
 * ## Example
 * ```python
 * import tarfile
 *
 * def unpack(upload, dest):
 *     with tarfile.open(upload) as tf:
 *         tf.extractall(dest)
 * ```
 *
 * ## Use instead
 * Pass the `data` filter (Python 3.12, and backported to 3.8+ security
 * releases), which rejects absolute paths, `..`, links outside the
 * destination and special files:
 * ```python
 * import tarfile
 *
 * def unpack(upload, dest):
 *     with tarfile.open(upload) as tf:
 *         tf.extractall(dest, filter="data")
 * ```
 */
#include "boundcall.h"
#include "engine.h" /* pr_finding: the zipfile case reports at severity information */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

static const char *const sec011_tar[] = {
  "tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open", "tarfile.TarFile.taropen",
  "tarfile.TarFile.gzopen", "tarfile.TarFile.bz2open", "tarfile.TarFile.xzopen", NULL,
};
static const char *const sec011_zip[] = {"zipfile.ZipFile", NULL};

/* True when a `filter=` value filters: anything but None, "fully_trusted" and
 * tarfile.fully_trusted_filter. */
static bool sec011_filters(const pr_ctx *ctx, TSNode filter) {
  filter = pr_unparenthesize(filter);
  pr_kind k = pr_node_kind(filter);
  if (k == pr_kind_none) return false;
  if (k == pr_kind_string || k == pr_kind_concatenated_string) {
    char buf[32];
    bool whole;
    pr_string_text(ctx, filter, buf, sizeof buf, &whole);
    return !(whole && !strcmp(buf, "fully_trusted"));
  }
  char q[64];
  if (pr_qualified_name(ctx, filter, ctx->scope, q, sizeof q) && !strcmp(q, "tarfile.fully_trusted_filter"))
    return false;
  return true;
}

/* Every finding needs one of these in the file's text (names.h: pr_text_mentions). */
static const char *const sec011_needles[] = {"tarfile", "zipfile", NULL};

static bool sec011_relevant(pr_ctx *ctx) {
  return pr_rule_mentions(ctx, sec011_needles);
}

static void sec011_check(pr_ctx *ctx, TSNode call) {
  if (!sec011_relevant(ctx)) return;
  TSNode name = pr_callee_name(call), receiver = pr_callee_receiver(call);
  if (ts_node_is_null(receiver)) return;
  bool all = pr_text_is(ctx, name, "extractall");
  if (!all && !pr_text_is(ctx, name, "extract")) return;
  if (!ts_node_is_null(pr_bound_call(ctx, receiver, ctx->scope, sec011_tar, NULL))) {
    TSNode members = all ? pr_call_argument(ctx, call, 1, "members") : pr_call_keyword(ctx, call, "members");
    if (!ts_node_is_null(members) && pr_node_kind(pr_unparenthesize(members)) != pr_kind_none) return;
    TSNode filter = pr_call_keyword(ctx, call, "filter");
    if (ts_node_is_null(filter)) {
      if (pr_call_has_kwargs_splat(call)) return;
    } else if (sec011_filters(ctx, filter)) {
      return;
    }
    pr_report(ctx, call,
              "`%s` on a tar archive without a filter writes wherever its member names and links point "
              "(`../`, absolute paths): pass `filter=\"data\"`",
              all ? "extractall" : "extract");
    return;
  }
  if (!all || ts_node_is_null(pr_bound_call(ctx, receiver, ctx->scope, sec011_zip, NULL))) return;
  TSNode path = pr_call_argument(ctx, call, 0, "path");
  if (ts_node_is_null(path) || pr_is_literal(ctx, path, ctx->scope)) return;
  pr_finding *f = pr_report(ctx, call,
                            "`extractall` of a zip archive into a destination that is not a literal: zipfile "
                            "strips `..` and leading `/`, but confirm the destination is the intended one");
  if (f) f->severity = PR_SEV_INFORMATION;
}

const pr_rule pr_rule_sec011 = {
  .code = "SEC011",
  .name = "unsafe-archive-extraction",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 22,
  .tags = 0,
  .flags = 0,
  .summary = "Extracting a tar archive without a filter (zip: information, a non-literal destination)",
  .doc = pr_doc_sec011,
  .kinds = {pr_kind_call},
  .on_node = sec011_check,
};
