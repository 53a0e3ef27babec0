/* SEC009 insecure-random: secrets, tokens and keys drawn from the `random` module.
 *
 * ## What it does
 * Flags a call of a `random` module function (`random.choice`,
 * `random.randint`, `random.Random(...)`, ...; not `random.SystemRandom`, not
 * `secrets`) anywhere in the value assigned to a name or attribute, or in a
 * `return` of a function, whose word parts include `secret`, `password`,
 * `passwd`, `pwd`, `nonce`, `salt` or `otp`, or end in `token` or `key`
 * (`invite_token`, `session_key`, `def new_salt()`; not `key_index` or
 * `monkey`). A name imported from `random` only as the `except ImportError`
 * fallback of an import from elsewhere (`secrets`) is not flagged. Names are split into word parts at `_`, `-`, `.`, spaces and
 * case changes.
 *
 * ## Why is this bad?
 * `random` is a Mersenne Twister: fast and fine for simulations, but its
 * state can be recovered from a few hundred outputs, after which every past
 * and future value is known (CWE-330). A token, salt or password drawn from
 * it can be predicted.
 *
 * ## Example
 * ```python
 * import random
 * import string
 *
 * def new_invite_token():
 *     return "".join(random.choice(string.ascii_letters) for _ in range(32))
 * ```
 *
 * ## Use instead
 * Use the `secrets` module (or `random.SystemRandom()`):
 * ```python
 * import secrets
 *
 * def new_invite_token():
 *     return secrets.token_urlsafe(24)
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"
#include "wordparts.h"

#include <string.h>

static const char *const sec009_anywhere[] = {"secret", "password", "passwd", "pwd", "nonce", "salt", "otp", NULL};
static const char *const sec009_last[] = {"token", "key", NULL};

static bool sec009_secret_name(const char *name, uint32_t len) {
  pr_words w;
  if (!pr_words_split(&w, name, len)) return false;
  return pr_words_match_any(&w, sec009_anywhere, PR_WORDS_ANYWHERE) ||
         pr_words_match_any(&w, sec009_last, PR_WORDS_LAST);
}

/* Beyond the row (docs/precision.md): `try: from secrets import randbits` /
 * `except ImportError: from random import getrandbits as randbits` — the name
 * resolves to the fallback (the last module-level binding), but the import that
 * runs is the one in the `try` body: not flagged when that one is not `random`. */
static bool sec009_fallback_import(const pr_ctx *ctx, TSNode callee) {
  callee = pr_unparenthesize(callee);
  while (pr_node_kind(callee) == pr_kind_attribute) callee = pr_unparenthesize(pr_child(callee, pr_field_object));
  if (pr_node_kind(callee) != pr_kind_identifier) return false;
  const pr_model *m = ctx->model;
  uint32_t len;
  const char *name = pr_text(ctx, callee, &len);
  uint32_t b = pr_model_resolve(m, ctx->scope, name, len, ts_node_start_byte(callee));
  if (b == PR_NONE || m->bindings[b].kind != PR_BIND_IMPORT) return false;
  /* import -> block -> except_clause (of ImportError) -> try_statement */
  TSNode handler = ts_node_parent(ts_node_parent(m->bindings[b].statement));
  if (pr_node_kind(handler) != pr_kind_except_clause) return false;
  TSNode block = {0};
  uint32_t hn = ts_node_named_child_count(handler);
  for (uint32_t i = 0; i < hn; i++) {
    TSNode c = ts_node_named_child(handler, i);
    if (pr_node_kind(c) == pr_kind_block) { block = c; break; }
  }
  if (ts_node_is_null(block)) return false;
  uint32_t tl;
  const char *t = pr_text(ctx, handler, &tl);
  tl = ts_node_start_byte(block) - ts_node_start_byte(handler);
  bool import_error = false;
  for (uint32_t i = 0; i + 11 <= tl && !import_error; i++)
    import_error = !memcmp(t + i, "ImportError", 11) || (i + 19 <= tl && !memcmp(t + i, "ModuleNotFoundError", 19));
  if (!import_error) return false;
  TSNode try_stmt = ts_node_parent(handler);
  TSNode body = pr_child(try_stmt, pr_field_body);
  if (pr_node_kind(try_stmt) != pr_kind_try_statement || ts_node_is_null(body)) return false;
  uint32_t bs = ts_node_start_byte(body), be = ts_node_end_byte(body);
  for (uint32_t o = m->symbols[m->bindings[b].symbol].first; o != PR_NONE; o = m->bindings[o].next) {
    const pr_binding *bd = &m->bindings[o];
    uint32_t at = ts_node_start_byte(bd->node);
    if (bd->kind == PR_BIND_IMPORT && at >= bs && at < be && bd->qualified && strncmp(bd->qualified, "random.", 7) &&
        strcmp(bd->qualified, "random"))
      return true;
  }
  return false;
}

/* Reports every call of a `random` function inside `value` (its subtree). */
static void sec009_scan(pr_ctx *ctx, TSNode value, const char *name, uint32_t len) {
  if (ts_node_is_null(value)) return;
  TSTreeCursor cur = ts_tree_cursor_new(value);
  uint32_t depth = 0;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    if (pr_node_kind(n) == pr_kind_call) {
      char q[64];
      if (pr_qualified_name(ctx, pr_child(n, pr_field_function), ctx->scope, q, sizeof q) &&
          !strncmp(q, "random.", 7) && !strchr(q + 7, '.') && strcmp(q, "random.SystemRandom") &&
          !sec009_fallback_import(ctx, pr_child(n, pr_field_function)))
        pr_report(ctx, n,
                  "`%s` is predictable and gives `%.*s` its value: use the `secrets` module "
                  "(`secrets.token_urlsafe`, `secrets.choice`) or `random.SystemRandom()`",
                  q, (int)(len > 60 ? 60 : len), name);
    }
    if (ts_tree_cursor_goto_first_child(&cur)) { depth++; continue; }
    while (depth > 0 && !ts_tree_cursor_goto_next_sibling(&cur)) {
      ts_tree_cursor_goto_parent(&cur);
      depth--;
    }
    if (depth == 0) break;
  }
  ts_tree_cursor_delete(&cur);
}

/* The name a target gives: an identifier, or an attribute's last part. */
static bool sec009_target_name(const pr_ctx *ctx, TSNode target, const char **name, uint32_t *len) {
  target = pr_unparenthesize(target);
  pr_kind k = pr_node_kind(target);
  if (k == pr_kind_attribute) target = pr_child(target, pr_field_attribute);
  else if (k != pr_kind_identifier) return false;
  *name = pr_text(ctx, target, len);
  return true;
}

static bool sec009_is_tuple_target(pr_kind k) {
  return k == pr_kind_pattern_list || k == pr_kind_tuple_pattern || k == pr_kind_list_pattern || k == pr_kind_tuple;
}

static void sec009_target(pr_ctx *ctx, TSNode target, TSNode value) {
  target = pr_unparenthesize(target);
  const char *name;
  uint32_t len;
  if (sec009_target_name(ctx, target, &name, &len)) {
    if (sec009_secret_name(name, len)) sec009_scan(ctx, value, name, len);
    return;
  }
  /* `salt, rounds = random.getrandbits(64), 10`: element by element when the lengths agree */
  if (!sec009_is_tuple_target(pr_node_kind(target))) return;
  value = pr_unparenthesize(value);
  pr_kind vk = pr_node_kind(value);
  if (vk != pr_kind_expression_list && vk != pr_kind_tuple && vk != pr_kind_list) return;
  uint32_t n = ts_node_named_child_count(target);
  if (n != ts_node_named_child_count(value)) return;
  for (uint32_t i = 0; i < n; i++) sec009_target(ctx, ts_node_named_child(target, i), ts_node_named_child(value, i));
}

/* Every finding needs one of these in the file's text (names.h: pr_text_mentions). */
static const char *const sec009_needles[] = {"random", NULL};

static bool sec009_relevant(pr_ctx *ctx) {
  return pr_rule_mentions(ctx, sec009_needles);
}

static void sec009_check(pr_ctx *ctx, TSNode node) {
  if (!sec009_relevant(ctx)) return;
  pr_kind k = pr_node_kind(node);
  if (k == pr_kind_return_statement) {
    uint32_t f = pr_model_function_of(ctx->model, ctx->scope);
    if (f == PR_NONE || ctx->model->scopes[f].kind != PR_SCOPE_FUNCTION) return;
    const char *name = ctx->model->scopes[f].name;
    if (!name || !sec009_secret_name(name, (uint32_t)strlen(name))) return;
    TSNode value = ts_node_named_child_count(node) ? ts_node_named_child(node, 0) : (TSNode){0};
    sec009_scan(ctx, value, name, (uint32_t)strlen(name));
    return;
  }
  if (k == pr_kind_named_expression) {
    sec009_target(ctx, pr_child(node, pr_field_name), pr_child(node, pr_field_value));
    return;
  }
  if (k == pr_kind_augmented_assignment) {
    sec009_target(ctx, pr_child(node, pr_field_left), pr_child(node, pr_field_right));
    return;
  }
  /* an assignment chain `a = b = value` is handled once, at its outermost assignment */
  if (pr_node_kind(ctx->parent) == pr_kind_assignment) return;
  TSNode value = pr_child(node, pr_field_right);
  if (ts_node_is_null(value)) return;
  if (pr_node_kind(value) != pr_kind_assignment) {
    sec009_target(ctx, pr_child(node, pr_field_left), value);
    return;
  }
  /* a chain: the first target with a secret's name owns the value */
  TSNode a = node;
  while (pr_node_kind(value) == pr_kind_assignment) value = pr_child(value, pr_field_right);
  for (; pr_node_kind(a) == pr_kind_assignment; a = pr_child(a, pr_field_right)) {
    const char *name;
    uint32_t len;
    if (sec009_target_name(ctx, pr_child(a, pr_field_left), &name, &len) && sec009_secret_name(name, len)) {
      sec009_scan(ctx, value, name, len);
      return;
    }
  }
}

const pr_rule pr_rule_sec009 = {
  .code = "SEC009",
  .name = "insecure-random",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 330,
  .tags = 0,
  .flags = 0,
  .summary = "A secret, token, key or salt drawn from the random module",
  .doc = pr_doc_sec009,
  .kinds = {pr_kind_assignment, pr_kind_augmented_assignment, pr_kind_named_expression, pr_kind_return_statement},
  .on_node = sec009_check,
};
