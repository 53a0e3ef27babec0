/* SEC006 weak-hash: MD5 or SHA-1 computed for a security purpose.
 *
 * ## What it does
 * Flags calls, matched on qualified names after the file's imports, of
 * `hashlib.md5`, `hashlib.sha1`, `hashlib.new("md5")` and
 * `hashlib.new("sha1")` (the name in any case, given by position or as
 * `name=`, as a literal or a name bound once to one), and `Crypto`/
 * `Cryptodome` `Hash.MD5.new` and `Hash.SHA.new` — unless the call passes
 * `usedforsecurity=False`. References that are not calls
 * (`hmac.new(key, msg, hashlib.sha1)`, `digestmod=hashlib.md5`) are not
 * flagged.
 *
 * ## Why is this bad?
 * MD5 and SHA-1 have practical collision attacks: two different inputs with
 * the same digest can be produced on demand, so the digest no longer proves
 * integrity or identity (CWE-327), and both are far too fast for passwords.
 *
 * ## Example
 * ```python
 * import hashlib
 *
 * def fingerprint(cert_der):
 *     return hashlib.md5(cert_der).hexdigest()
 * ```
 *
 * ## Use instead
 * Use SHA-256 or better; for a checksum that protects nothing, say so:
 * ```python
 * import hashlib
 *
 * def fingerprint(cert_der):
 *     return hashlib.sha256(cert_der).hexdigest()
 *
 * def cache_key(data):
 *     return hashlib.md5(data, usedforsecurity=False).hexdigest()
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>
#include <strings.h>

static const char *const sec006_direct[] = {
  "hashlib.md5", "hashlib.sha1",
  "Crypto.Hash.MD5.new", "Crypto.Hash.SHA.new", "Cryptodome.Hash.MD5.new", "Cryptodome.Hash.SHA.new",
  NULL,
};

/* The algorithm name of `hashlib.new(name, ...)`: "md5" or "sha1" when it is
 * one of them (a literal, or a name bound once to one), else NULL. */
static const char *sec006_new_algorithm(const pr_ctx *ctx, TSNode call) {
  TSNode name = pr_unparenthesize(pr_call_argument(ctx, call, 0, "name"));
  if (pr_node_kind(name) == pr_kind_identifier) name = pr_unparenthesize(pr_single_assignment_value(ctx, name, ctx->scope));
  pr_kind k = pr_node_kind(name);
  if (k != pr_kind_string && k != pr_kind_concatenated_string) return NULL;
  char buf[16];
  bool whole;
  uint32_t n = pr_string_text(ctx, name, buf, sizeof buf, &whole);
  if (!whole) return NULL;
  if (n == 3 && !strncasecmp(buf, "md5", 3)) return "md5";
  if (n == 4 && !strncasecmp(buf, "sha1", 4)) return "sha1";
  return NULL;
}

/* Every finding needs one of these in the file's text (names.h: pr_text_mentions). */
static const char *const sec006_needles[] = {"hashlib", "Crypto", NULL};

static bool sec006_relevant(pr_ctx *ctx) {
  return pr_rule_mentions(ctx, sec006_needles);
}

static void sec006_check(pr_ctx *ctx, TSNode call) {
  if (!sec006_relevant(ctx)) return;
  char q[64];
  if (!pr_call_qualified_name(ctx, call, q, sizeof q)) return;
  const char *algorithm = NULL;
  bool direct = false;
  for (int i = 0; sec006_direct[i] && !direct; i++) direct = !strcmp(q, sec006_direct[i]);
  if (direct) {
    algorithm = strstr(q, "MD5") || strstr(q, "md5") ? "MD5" : "SHA-1";
  } else if (!strcmp(q, "hashlib.new")) {
    const char *a = sec006_new_algorithm(ctx, call);
    if (!a) return;
    algorithm = !strcmp(a, "md5") ? "MD5" : "SHA-1";
  } else {
    return;
  }
  TSNode usedfor = pr_call_keyword(ctx, call, "usedforsecurity");
  if (!ts_node_is_null(usedfor) && pr_constant_truth(ctx, usedfor) == 0) return;
  if (!strncmp(q, "hashlib.", 8))
    pr_report(ctx, call,
              "`%s` computes %s, which is broken for security: use SHA-256 or better, or pass "
              "`usedforsecurity=False` when the digest protects nothing",
              q, algorithm);
  else
    pr_report(ctx, call, "`%s` computes %s, which is broken for security: use `SHA256.new` or better", q,
              algorithm);
}

const pr_rule pr_rule_sec006 = {
  .code = "SEC006",
  .name = "weak-hash",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 327,
  .tags = 0,
  .flags = 0,
  .summary = "MD5 or SHA-1 computed without usedforsecurity=False",
  .doc = pr_doc_sec006,
  .kinds = {pr_kind_call},
  .on_node = sec006_check,
};
