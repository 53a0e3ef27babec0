/* SEC019 secret-in-log: a password, token or other secret written to a log.
 *
 * ## What it does
 * Flags a logging call (`debug`, `info`, `warning`, `warn`, `error`,
 * `exception`, `critical` or `log` on a receiver named `log`, `logger` or
 * `logging`, any case, leading underscores ignored) with an argument, or a
 * replacement field of an f-string argument, that is a name or attribute
 * whose last part contains `password`, `passwd`, `secret`, `token`,
 * `api_key` or `credential` (any case: `self.auth_token`, `DB_PASSWORD`).
 * Keyword arguments count too (structured loggers), except the logging
 * module's own `exc_info`, `stack_info`, `stacklevel` and `extra`. A value
 * passed through a masking call (`mask_password(pw)`) is not a name and is
 * not flagged.
 *
 * ## Why is this bad?
 * Logs are kept for a long time, copied to aggregation services and read by
 * many more people than the secrets they hold were meant for (CWE-532): a
 * password or token in a log line is a leaked credential.
 *
 * ## Example
 * ```python
 * logger.info("connecting as %s with %s", user, password)
 * log.debug(f"refreshed token {self.access_token}")
 * ```
 *
 * ## Use instead
 * Log that a secret was used, never its value (or a masked form):
 * ```python
 * logger.info("connecting as %s", user)
 * log.debug("refreshed token ending in %s", mask_password(self.access_token))
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>
#include <strings.h>

static const char *const sec019_words[] = {"password", "passwd", "secret", "token", "api_key", "credential", NULL};

/* Logging keyword arguments that never carry a value to the message. */
static const char *const sec019_logging_keywords[] = {"exc_info", "stack_info", "stacklevel", "extra", NULL};

/* True when `s[0..len)` contains `word`, ignoring case. */
static bool sec019_contains(const char *s, uint32_t len, const char *word) {
  size_t w = strlen(word);
  for (uint32_t i = 0; i + w <= len; i++)
    if (!strncasecmp(s + i, word, w)) return true;
  return false;
}

/* The secret word the name or attribute `expr` carries in its last part, or NULL. */
static const char *sec019_secret(const pr_ctx *ctx, TSNode expr) {
  expr = pr_unparenthesize(expr);
  pr_kind k = pr_node_kind(expr);
  if (k != pr_kind_identifier && k != pr_kind_attribute) return NULL;
  TSNode last = k == pr_kind_attribute ? pr_child(expr, pr_field_attribute) : expr;
  uint32_t len;
  const char *t = pr_text(ctx, last, &len);
  for (int i = 0; sec019_words[i]; i++)
    if (sec019_contains(t, len, sec019_words[i])) return sec019_words[i];
  return NULL;
}

/* The first replacement field of an f-string that names a secret, or a null node. */
static TSNode sec019_fstring_field(const pr_ctx *ctx, TSNode s) {
  uint32_t n = ts_node_named_child_count(s);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(s, i);
    pr_kind k = pr_node_kind(c);
    if (k == pr_kind_string) {
      TSNode f = sec019_fstring_field(ctx, c);
      if (!ts_node_is_null(f)) return f;
    } else if (k == pr_kind_interpolation) {
      TSNode e = pr_child(c, pr_field_expression);
      if (!ts_node_is_null(e) && sec019_secret(ctx, e)) return e;
    }
  }
  return (TSNode){0};
}

static void sec019_check(pr_ctx *ctx, TSNode call) {
  if (!pr_is_logging_call(ctx, call)) return;
  TSNode args = pr_child(call, pr_field_arguments);
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    pr_kind k = pr_node_kind(a);
    if (k == pr_kind_keyword_argument) {
      TSNode name = pr_child(a, pr_field_name);
      bool skip = false;
      for (int j = 0; sec019_logging_keywords[j] && !skip; j++) skip = pr_text_is(ctx, name, sec019_logging_keywords[j]);
      if (skip) continue;
      a = pr_child(a, pr_field_value);
      k = pr_node_kind(a);
    }
    TSNode secret = {0};
    if (k == pr_kind_string || k == pr_kind_concatenated_string) secret = sec019_fstring_field(ctx, a);
    else if (sec019_secret(ctx, a)) secret = a;
    if (ts_node_is_null(secret)) continue;
    uint32_t len;
    const char *t = pr_text(ctx, secret, &len);
    pr_report(ctx, call,
              "`%.*s` looks like a secret (%s) and is written to the log; log that it was used, not its value, "
              "or mask it",
              (int)(len > 60 ? 60 : len), t, sec019_secret(ctx, secret));
    return;
  }
}

const pr_rule pr_rule_sec019 = {
  .code = "SEC019",
  .name = "secret-in-log",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 532,
  .summary = "A password, token or other secret passed to a logging call",
  .doc = pr_doc_sec019,
  .kinds = {pr_kind_call},
  .on_node = sec019_check,
};
