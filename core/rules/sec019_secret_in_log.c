/* SEC019 secret-in-log: a password, token or other secret written to a log.
 *
 * ## What it does
 * Flags a logging call (`debug`, `info`, `warning`, `warn`, `error`,
 * `exception`, `critical` or `log` on a receiver named `log`, `logger` or
 * `logging`, any case, leading underscores ignored) with an argument, or a
 * replacement field of an f-string argument, that is a name or attribute
 * whose last part contains `password`, `passwd`, `secret`, `token`,
 * `api_key` or `credential` (any case: `self.auth_token`, `DB_PASSWORD`),
 * unless a word part next to it says the name holds metadata of the secret,
 * not the secret: `token_type`, `password_length`, `secret_name`,
 * `max_tokens`, `num_tokens` (after: type, url, uri, endpoint, name, id,
 * count, length, size, ttl, expiry, expires, field, file, path, env, header,
 * prefix; before: num, n, max, min, total, count).
 * Keyword arguments count too (structured loggers), except the logging
 * module's own `exc_info`, `stack_info`, `stacklevel` and `extra`. A value
 * passed through a masking call (`mask_password(pw)`) is not a name and is
 * not flagged. By default every call counts as masking; the configuration's
 * `logging-masks` (dotted call names, e.g. `["mask_password",
 * "secrets_util.redact"]`) replaces that with exactly the calls that mask:
 * then a secret passed to any other call (`str(token)`, `token.strip()`) is
 * flagged too, except through `len`, `bool`, `type`, `id` and `isinstance`,
 * which never reveal the value. A mask is matched against the callee's
 * qualified name (after imports), its text as written, or, for a name
 * without a dot, the callee's last part.
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
#include "options.h"
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

/* Word parts that make a name carrying a secret word metadata about the
 * secret, not the secret: after it (`token_type`, `password_length`,
 * `secret_name`) or before it (`max_tokens`, `num_tokens`). */
static const char *const sec019_meta_after[] = {
  "type", "types", "url", "uri", "endpoint", "name", "names", "id", "ids", "count", "length", "len", "size",
  "ttl", "expiry", "expires", "expiration", "field", "file", "path", "env", "header", "prefix", NULL,
};
static const char *const sec019_meta_before[] = {"num", "n", "max", "min", "total", "count", NULL};

/* The word parts of an identifier: split at `_` and at lower-to-upper case
 * changes (`tokenType` -> token, Type). Returns how many were stored. */
static uint32_t sec019_words_of(const char *t, uint32_t len, uint32_t starts[], uint32_t lens[], uint32_t cap) {
  uint32_t n = 0, i = 0;
  while (i < len && n < cap) {
    while (i < len && t[i] == '_') i++;
    if (i >= len) break;
    uint32_t b = i++;
    while (i < len && t[i] != '_' && !(t[i] >= 'A' && t[i] <= 'Z' && t[i - 1] >= 'a' && t[i - 1] <= 'z')) i++;
    starts[n] = b;
    lens[n++] = i - b;
  }
  return n;
}

static bool sec019_word_in(const char *w, uint32_t len, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == len && !strncasecmp(w, list[i], len)) return true;
  return false;
}

/* The secret word the name or attribute `expr` carries in its last part, or
 * NULL. A part naming metadata of the secret (see above) is not a secret;
 * the catalog's row says "contains", this is the one narrowing (oauthlib
 * logs `request.token_type`, which a reviewer would not call a leak). */
static const char *sec019_secret(const pr_ctx *ctx, TSNode expr) {
  expr = pr_unparenthesize(expr);
  pr_kind k = pr_node_kind(expr);
  if (k != pr_kind_identifier && k != pr_kind_attribute) return NULL;
  TSNode last = k == pr_kind_attribute ? pr_child(expr, pr_field_attribute) : expr;
  uint32_t len;
  const char *t = pr_text(ctx, last, &len);
  const char *found = NULL;
  for (int i = 0; sec019_words[i] && !found; i++)
    if (sec019_contains(t, len, sec019_words[i])) found = sec019_words[i];
  if (!found) return NULL;
  uint32_t starts[16], lens[16];
  uint32_t n = sec019_words_of(t, len, starts, lens, 16);
  for (uint32_t w = 0; w < n; w++) {
    /* the word part holding the secret word (api_key spans two parts: take the last) */
    if (!sec019_contains(t + starts[w], lens[w], found) &&
        !(strchr(found, '_') && w + 1 < n && sec019_contains(t + starts[w + 1], lens[w + 1], strchr(found, '_') + 1)))
      continue;
    if (strchr(found, '_') && w + 1 < n && !sec019_contains(t + starts[w], lens[w], found)) w++;
    bool meta = (w + 1 < n && sec019_word_in(t + starts[w + 1], lens[w + 1], sec019_meta_after)) ||
                (w > 0 && sec019_word_in(t + starts[w - 1], lens[w - 1], sec019_meta_before));
    if (!meta) return found;
  }
  return NULL;
}

/* Calls that never write their argument's value anywhere. */
static const char *const sec019_never_reveal[] = {"len", "bool", "type", "id", "isinstance", NULL};

/* True when the call is one of the configured `logging-masks`. */
static bool sec019_is_mask(const pr_ctx *ctx, TSNode call) {
  const pr_thresholds *t = ctx->thresholds;
  TSNode callee = pr_child(call, pr_field_function);
  TSNode last = pr_callee_name(call);
  char q[256];
  uint32_t qlen = pr_call_qualified_name(ctx, call, q, sizeof q);
  for (uint32_t i = 0; i < t->logging_mask_count; i++) {
    const char *m = t->logging_masks[i];
    if (qlen && !strcmp(q, m)) return true;
    if (!ts_node_is_null(callee) && pr_dotted_is(ctx, callee, m)) return true;
    if (!strchr(m, '.') && !ts_node_is_null(last) && pr_text_is(ctx, last, m)) return true;
  }
  return false;
}

/* The name or attribute naming a secret that `expr` writes: itself, or with
 * `logging-masks` configured, an argument (or the receiver) of a call that is
 * not a mask. A null node when none. */
static TSNode sec019_revealed(const pr_ctx *ctx, TSNode expr) {
  expr = pr_unparenthesize(expr);
  if (sec019_secret(ctx, expr)) return expr;
  if (!ctx->thresholds->logging_masks_set || pr_node_kind(expr) != pr_kind_call || sec019_is_mask(ctx, expr))
    return (TSNode){0};
  TSNode callee = pr_child(expr, pr_field_function);
  for (int i = 0; sec019_never_reveal[i]; i++)
    if (!ts_node_is_null(callee) && pr_text_is(ctx, callee, sec019_never_reveal[i])) return (TSNode){0};
  if (pr_node_kind(callee) == pr_kind_attribute) {  /* token.strip() */
    TSNode recv = pr_child(callee, pr_field_object);
    if (!ts_node_is_null(recv) && sec019_secret(ctx, recv)) return pr_unparenthesize(recv);
  }
  TSNode args = pr_child(expr, pr_field_arguments);
  uint32_t n = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (pr_node_kind(a) == pr_kind_keyword_argument) a = pr_child(a, pr_field_value);
    if (!ts_node_is_null(a) && sec019_secret(ctx, a)) return pr_unparenthesize(a);
  }
  return (TSNode){0};
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
      if (!ts_node_is_null(e) && !ts_node_is_null(e = sec019_revealed(ctx, e))) return e;
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
    else secret = sec019_revealed(ctx, a);
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
