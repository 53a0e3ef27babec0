/* SEC005 hardcoded-secret: a password, secret, API key or token written into the source.
 *
 * ## What it does
 * Flags a non-empty string literal (the literal itself, never a name bound to
 * one) that is assigned to a name or attribute, passed as a keyword argument,
 * used as a parameter default, or given as the value of a string dict key (in
 * a dict display, or stored with `d["password"] = "..."`), where that name,
 * keyword or key has the word part `password`, `passwd`, `pwd`, `secret`,
 * `api`+`key`, `apikey` or `private`+`key`, or ends in the word part `token`
 * (`auth_token`; not `token_type` or `next_token_url`). Names are split into
 * word parts at `_`, `-`, `.`, spaces and case changes (`dbPassWord`: db,
 * pass, word).
 *
 * These values are skipped: `"Bearer"` and `"Basic"`; template placeholders
 * (`<...>`, `${...}`, `%(...)s`, `{...}`); URLs without a `user:password@`
 * part; file paths (starting with `/`, `~/`, `./`, `../` or a drive letter
 * such as `C:\`); and values that spell the name itself or a run of its word
 * parts, ignoring case, `_` and `-` (`PASSWORD_FIELD = "password"`). Beyond
 * the catalog, values that cannot be secrets are skipped too: values without
 * a letter or digit (`"*"`) or of one character, switches (`"yes"`, `"off"`,
 * `"true"`, `"none"` ...), raw strings with regular
 * expression syntax (a lexer's `TOKEN = r"[A-Z]+"`), the field names
 * `"passwd"` and `"pwd"` (`password="passwd"` maps a driver's keyword), and
 * text with spaces that itself names a secret (a message or a label:
 * `"CSRF token missing or incorrect."`).
 * Test code is not checked.
 *
 * ## Why is this bad?
 * A credential in the source is in every copy of the repository, its history,
 * backups and build artefacts, and cannot be rotated without a release
 * (CWE-798). Anyone who can read the code can use it.
 *
 * ## Example
 * ```python
 * import psycopg2
 *
 * DB_PASSWORD = "s3cr3t-Pa55"
 *
 * def connect(host):
 *     return psycopg2.connect(host=host, user="app", password=DB_PASSWORD)
 * ```
 *
 * ## Use instead
 * Read it from the environment or a secret store at run time:
 * ```python
 * import os
 *
 * import psycopg2
 *
 * def connect(host):
 *     return psycopg2.connect(host=host, user="app", password=os.environ["DB_PASSWORD"])
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"
#include "wordparts.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Longest name or key quoted in a message. */
#define SEC005_MAX_NAME 60

static const char *const sec005_anywhere[] = {"password", "passwd", "pwd", "secret", "api_key", "private_key",
                                              NULL};

/* True when the name's word parts make it a secret's name (catalog: SEC005). */
static bool sec005_secret_name(const pr_words *w) {
  return pr_words_match_any(w, sec005_anywhere, PR_WORDS_ANYWHERE) || pr_words_match(w, "token", PR_WORDS_LAST);
}

/* A URL `scheme://...`; *creds is set when its authority has `user:password@`. */
static bool sec005_url(const char *v, uint32_t len, bool *creds) {
  uint32_t i = 0;
  if (!len || !isalpha((unsigned char)v[0])) return false;
  while (i < len && (isalnum((unsigned char)v[i]) || v[i] == '+' || v[i] == '.' || v[i] == '-')) i++;
  if (i + 3 > len || memcmp(v + i, "://", 3)) return false;
  i += 3;
  uint32_t at = UINT32_MAX, colon = UINT32_MAX;
  for (uint32_t j = i; j < len && v[j] != '/' && v[j] != '?' && v[j] != '#'; j++) {
    if (v[j] == '@') at = j;
    if (v[j] == ':' && colon == UINT32_MAX) colon = j;
  }
  *creds = at != UINT32_MAX && colon < at;
  return true;
}

static bool sec005_path(const char *v, uint32_t len) {
  if (len >= 1 && v[0] == '/') return true;
  if (len >= 2 && v[0] == '~' && v[1] == '/') return true;
  if (len >= 2 && v[0] == '.' && v[1] == '/') return true;
  if (len >= 3 && !memcmp(v, "../", 3)) return true;
  if (len >= 3 && isalpha((unsigned char)v[0]) && v[1] == ':' && (v[2] == '\\' || v[2] == '/')) return true;
  return false;
}

/* A template placeholder: `<...>`, `${...}`, `%(...)s`, `{...}`. */
static bool sec005_placeholder(const char *v, uint32_t len) {
  for (uint32_t i = 0; i < len; i++) {
    const char *close = NULL;
    if (v[i] == '<') close = ">";
    else if (v[i] == '{') close = "}";
    else if (v[i] == '%' && i + 1 < len && v[i + 1] == '(') close = ")s";
    if (!close) continue;
    for (uint32_t j = i + 1; j + strlen(close) <= len; j++)
      if (!memcmp(v + j, close, strlen(close))) return true;
  }
  return false;
}

/* True when the value of a secret's name is one the row skips. */
static bool sec005_skipped_value(const pr_words *w, const char *v, uint32_t len) {
  uint32_t b = 0, e = len;
  while (b < e && isspace((unsigned char)v[b])) b++;
  while (e > b && isspace((unsigned char)v[e - 1])) e--;
  if ((e - b == 6 && !strncasecmp(v + b, "bearer", 6)) || (e - b == 5 && !strncasecmp(v + b, "basic", 5)))
    return true;
  if (sec005_placeholder(v, len)) return true;
  bool creds = false;
  if (sec005_url(v, len, &creds)) return !creds;
  if (sec005_path(v, len)) return true;
  if (pr_words_value_is_name(w, v, len)) return true;
  /* beyond the row (docs/precision.md): no letter or digit (`"*"`, `"!"`) is a
     marker, not a secret; and text with spaces that itself names a secret
     (`"CSRF token missing or incorrect."`) is a message or a label about one */
  bool alnum = false, space = false;
  for (uint32_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)v[i];
    if (isalnum(c) || c >= 0x80) alnum = true;
    if (isspace(c)) space = true;
  }
  if (!alnum) return true;
  /* a configuration switch (`'MODULE_PWD_STATE': 'yes'`) */
  static const char *const switches[] = {"yes", "no", "true", "false", "on", "off", "none", "null", NULL};
  for (int i = 0; switches[i]; i++)
    if (strlen(switches[i]) == len && !strncasecmp(v, switches[i], len)) return true;
  /* the abbreviated field names given as the value (`password="passwd"` maps a driver's keyword) */
  if ((len == 6 && !strncasecmp(v, "passwd", 6)) || (len == 3 && !strncasecmp(v, "pwd", 3))) return true;
  pr_words vw;
  if (space && pr_words_split(&vw, v, len) &&
      (pr_words_match_any(&vw, sec005_anywhere, PR_WORDS_ANYWHERE) || pr_words_match(&vw, "token", 0)))
    return true;
  return false;
}

/* Beyond the row (docs/precision.md): one character (`"*"`, an emoji in a
 * table of names) is never a secret. */
static bool sec005_single_character(const char *v, uint32_t len) {
  uint32_t chars = 0;
  for (uint32_t i = 0; i < len; i++) chars += ((unsigned char)v[i] & 0xC0) != 0x80;
  return chars <= 1;
}

/* Beyond the row: a raw string with regular expression syntax is a lexer's
 * pattern (`NUMBER_TOKEN = r'[0-9@#.,E+]'`), not a secret. */
static bool sec005_raw_pattern(const pr_ctx *ctx, TSNode value, const char *v, uint32_t len) {
  TSNode first = pr_node_kind(value) == pr_kind_concatenated_string ? ts_node_named_child(value, 0) : value;
  uint32_t pl;
  const char *p = pr_text(ctx, first, &pl);
  bool raw = false;
  for (uint32_t i = 0; i < pl && p[i] != '"' && p[i] != '\''; i++) raw |= p[i] == 'r' || p[i] == 'R';
  if (!raw) return false;
  for (uint32_t i = 0; i < len; i++)
    if (strchr("[]\\()|*+?^$", v[i])) return true;
  return false;
}

/* Checks `value` given to the name or key name[0..len); reports at the literal. */
static void sec005_check_value(pr_ctx *ctx, const char *name, uint32_t len, TSNode value, bool quoted_key) {
  value = pr_unparenthesize(value);
  pr_kind k = pr_node_kind(value);
  if (k != pr_kind_string && k != pr_kind_concatenated_string) return;
  pr_words w;
  if (!pr_words_split(&w, name, len) || !sec005_secret_name(&w)) return;
  char v[512];
  bool whole;
  uint32_t vl = pr_string_text(ctx, value, v, sizeof v, &whole);
  if (!vl) return;  /* empty, or an f-string starting with a field */
  if (!whole && pr_string_has_interpolation(value)) return;  /* not a literal */
  if (sec005_skipped_value(&w, v, vl)) return;
  if (sec005_single_character(v, vl) || sec005_raw_pattern(ctx, value, v, vl)) return;
  bool readable = len <= SEC005_MAX_NAME && !memchr(name, '`', len) && !memchr(name, '\n', len) &&
                  !memchr(name, '\r', len);
  if (readable)
    pr_report(ctx, value,
              quoted_key ? "a hard-coded secret is stored under the key \"%.*s\": read it from the environment "
                           "or a secret store at run time"
                         : "a hard-coded secret is given to `%.*s`: read it from the environment or a secret "
                           "store at run time",
              (int)len, name);
  else
    pr_report(ctx, value, "a hard-coded secret: read it from the environment or a secret store at run time");
}

/* A string key `"password"` (not an f-string with a field): its text. */
static uint32_t sec005_key(const pr_ctx *ctx, TSNode key, char *buf, uint32_t cap) {
  key = pr_unparenthesize(key);
  pr_kind k = pr_node_kind(key);
  if (k != pr_kind_string && k != pr_kind_concatenated_string) return 0;
  bool whole;
  uint32_t n = pr_string_text(ctx, key, buf, cap, &whole);
  return whole ? n : 0;
}

/* The target of an assignment: a name, an attribute's last part, or a string subscript key. */
static void sec005_target(pr_ctx *ctx, TSNode target, TSNode value) {
  target = pr_unparenthesize(target);
  pr_kind k = pr_node_kind(target);
  uint32_t len;
  if (k == pr_kind_identifier) {
    const char *s = pr_text(ctx, target, &len);
    sec005_check_value(ctx, s, len, value, false);
  } else if (k == pr_kind_attribute) {
    const char *s = pr_text(ctx, pr_child(target, pr_field_attribute), &len);
    sec005_check_value(ctx, s, len, value, false);
  } else if (k == pr_kind_subscript) {
    uint32_t n = ts_node_named_child_count(target);
    if (n < 2) return;
    TSNode key = ts_node_named_child(target, n - 1);
    char buf[256];
    uint32_t kl = sec005_key(ctx, key, buf, sizeof buf);
    if (kl) sec005_check_value(ctx, buf, kl, value, true);
  } else if (k == pr_kind_pattern_list || k == pr_kind_tuple_pattern || k == pr_kind_list_pattern ||
             k == pr_kind_tuple) {
    /* `user, password = "app", "hunter2"`: element by element when the lengths agree */
    value = pr_unparenthesize(value);
    pr_kind vk = pr_node_kind(value);
    if (vk != pr_kind_expression_list && vk != pr_kind_tuple && vk != pr_kind_list) return;
    uint32_t n = ts_node_named_child_count(target), m = ts_node_named_child_count(value);
    if (n != m) return;
    for (uint32_t i = 0; i < n; i++) {
      TSNode t = ts_node_named_child(target, i), v = ts_node_named_child(value, i);
      if (pr_node_kind(t) == pr_kind_comment || pr_node_kind(v) == pr_kind_comment) return;
      sec005_target(ctx, t, v);
    }
  }
}

/* True for a string literal value (the only values this rule judges): checked
 * before the name, which is the costlier lookup. */
static bool sec005_string_value(TSNode value) {
  pr_kind k = pr_node_kind(pr_unparenthesize(value));
  return k == pr_kind_string || k == pr_kind_concatenated_string;
}

static void sec005_check(pr_ctx *ctx, TSNode node) {
  pr_kind k = pr_node_kind(node);
  uint32_t len;
  /* every value judged is or holds a string literal, whose text has a quote:
     a node without one needs none of the field lookups below */
  const char *whole = pr_text(ctx, node, &len);
  if (!memchr(whole, '"', len) && !memchr(whole, '\'', len)) return;
  if (k == pr_kind_assignment) {
    /* `a = b = "x"`: every target of the chain gets the innermost value. The
       outermost assignment judges them all (an inner one is the right side of
       its parent): each judging its own target would walk the rest of the
       chain each time, quadratic in a long one. */
    if (pr_node_kind(ctx->parent) == pr_kind_assignment) return;
    TSNode right = pr_child(node, pr_field_right);
    while (pr_node_kind(right) == pr_kind_assignment) right = pr_child(right, pr_field_right);
    if (ts_node_is_null(right)) return;
    pr_kind rk = pr_node_kind(pr_unparenthesize(right));
    /* a string, or a display that an unpacking assignment pairs with its targets */
    if (rk != pr_kind_string && rk != pr_kind_concatenated_string && rk != pr_kind_expression_list &&
        rk != pr_kind_tuple && rk != pr_kind_list)
      return;
    for (TSNode a = node; pr_node_kind(a) == pr_kind_assignment; a = pr_child(a, pr_field_right))
      sec005_target(ctx, pr_child(a, pr_field_left), right);
  } else if (k == pr_kind_named_expression || k == pr_kind_keyword_argument || k == pr_kind_default_parameter ||
             k == pr_kind_typed_default_parameter) {
    TSNode value = pr_child(node, pr_field_value);
    if (!sec005_string_value(value)) return;
    TSNode name = pr_child(node, pr_field_name);
    if (pr_node_kind(name) != pr_kind_identifier) return;
    const char *s = pr_text(ctx, name, &len);
    sec005_check_value(ctx, s, len, value, false);
  } else if (k == pr_kind_pair) {
    if (pr_node_kind(ctx->parent) != pr_kind_dictionary) return;
    TSNode value = pr_child(node, pr_field_value);
    if (!sec005_string_value(value)) return;
    char buf[256];
    uint32_t kl = sec005_key(ctx, pr_child(node, pr_field_key), buf, sizeof buf);
    if (kl) sec005_check_value(ctx, buf, kl, value, true);
  }
}

const pr_rule pr_rule_sec005 = {
  .code = "SEC005",
  .name = "hardcoded-secret",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 798,
  .tags = 0,
  .flags = PR_RULE_NOT_IN_TESTS,
  .summary = "A password, secret, API key or token written into the source",
  .doc = pr_doc_sec005,
  .kinds = {pr_kind_assignment, pr_kind_named_expression, pr_kind_keyword_argument, pr_kind_default_parameter,
            pr_kind_typed_default_parameter, pr_kind_pair},
  .on_node = sec005_check,
};
