/* names.c - qualified names and call arguments; see names.h. */
#include "names.h"

#include <string.h>
#include <strings.h>

TSNode pr_unparenthesize(TSNode node) {
  while (pr_node_kind(node) == pr_kind_parenthesized_expression && ts_node_named_child_count(node) == 1)
    node = ts_node_named_child(node, 0);
  return node;
}

uint32_t pr_qualified_name(const pr_ctx *ctx, TSNode expr, uint32_t scope, char *buf, uint32_t cap) {
  /* collect the parts right to left: a.b.c -> c, b, a */
  TSNode parts[32];
  uint32_t n = 0;
  TSNode cur = pr_unparenthesize(expr);
  while (pr_node_kind(cur) == pr_kind_attribute && n < 31) {
    parts[n++] = pr_child(cur, pr_field_attribute);
    cur = pr_unparenthesize(pr_child(cur, pr_field_object));
  }
  if (pr_node_kind(cur) != pr_kind_identifier) return 0;
  parts[n++] = cur;
  uint32_t len;
  const char *first = pr_node_text(ctx->text, cur, &len);
  uint32_t b = pr_model_resolve(ctx->model, scope, first, len, ts_node_start_byte(cur));
  uint32_t out = 0;
  const char *head = first;
  uint32_t head_len = len;
  if (b != PR_NONE) {
    const pr_binding *bd = &ctx->model->bindings[b];
    if (bd->kind != PR_BIND_IMPORT || !bd->qualified) return 0;
    head = bd->qualified;
    head_len = (uint32_t)strlen(head);
  }
  if (head_len + 1 > cap) return 0;
  memcpy(buf, head, head_len);
  out = head_len;
  for (uint32_t i = n - 1; i-- > 0;) {
    uint32_t pl;
    const char *p = pr_node_text(ctx->text, parts[i], &pl);
    if (out + 1 + pl + 1 > cap) return 0;
    buf[out++] = '.';
    memcpy(buf + out, p, pl);
    out += pl;
  }
  buf[out] = 0;
  return out;
}

uint32_t pr_call_qualified_name(const pr_ctx *ctx, TSNode call, char *buf, uint32_t cap) {
  return pr_qualified_name(ctx, pr_child(call, pr_field_function), ctx->scope, buf, cap);
}

bool pr_call_matches(const pr_ctx *ctx, TSNode call, const char *const *names) {
  char buf[256];
  if (!pr_call_qualified_name(ctx, call, buf, sizeof buf)) return false;
  for (int i = 0; names[i]; i++)
    if (!strcmp(buf, names[i])) return true;
  return false;
}

TSNode pr_last_name_part(TSNode expr) {
  expr = pr_unparenthesize(expr);
  pr_kind k = pr_node_kind(expr);
  if (k == pr_kind_identifier) return expr;
  if (k == pr_kind_attribute) return pr_child(expr, pr_field_attribute);
  return (TSNode){0};
}

TSNode pr_callee_name(TSNode call) { return pr_last_name_part(pr_child(call, pr_field_function)); }

TSNode pr_callee_receiver(TSNode call) {
  TSNode fn = pr_unparenthesize(pr_child(call, pr_field_function));
  if (pr_node_kind(fn) == pr_kind_attribute) return pr_child(fn, pr_field_object);
  return (TSNode){0};
}

TSNode pr_call_positional(TSNode call, uint32_t index) {
  TSNode args = pr_child(call, pr_field_arguments);
  if (pr_node_kind(args) != pr_kind_argument_list) {
    /* f(x for x in y): the generator is the only positional argument */
    if (index == 0 && pr_node_kind(args) == pr_kind_generator_expression) return args;
    return (TSNode){0};
  }
  uint32_t n = ts_node_named_child_count(args), pos = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    pr_kind k = pr_node_kind(a);
    if (k == pr_kind_comment) continue;
    if (k == pr_kind_keyword_argument || k == pr_kind_dictionary_splat) continue;
    if (k == pr_kind_list_splat) return (TSNode){0};
    if (pos++ == index) return a;
  }
  return (TSNode){0};
}

TSNode pr_call_keyword(const pr_ctx *ctx, TSNode call, const char *name) {
  TSNode args = pr_child(call, pr_field_arguments);
  if (pr_node_kind(args) != pr_kind_argument_list) return (TSNode){0};
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (pr_node_kind(a) != pr_kind_keyword_argument) continue;
    if (pr_text_is(ctx, pr_child(a, pr_field_name), name)) return pr_child(a, pr_field_value);
  }
  return (TSNode){0};
}

TSNode pr_call_argument(const pr_ctx *ctx, TSNode call, uint32_t index, const char *name) {
  TSNode a = pr_call_positional(call, index);
  if (ts_node_is_null(a) && name) a = pr_call_keyword(ctx, call, name);
  return a;
}

bool pr_call_has_kwargs_splat(TSNode call) {
  TSNode args = pr_child(call, pr_field_arguments);
  if (pr_node_kind(args) != pr_kind_argument_list) return false;
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++)
    if (pr_node_kind(ts_node_named_child(args, i)) == pr_kind_dictionary_splat) return true;
  return false;
}

bool pr_dotted_is(const pr_ctx *ctx, TSNode expr, const char *dotted) {
  expr = pr_unparenthesize(expr);
  const char *end = dotted + strlen(dotted);
  for (;;) {
    const char *dot = end;
    while (dot > dotted && dot[-1] != '.') dot--;
    TSNode part;
    pr_kind k = pr_node_kind(expr);
    if (k == pr_kind_attribute) part = pr_child(expr, pr_field_attribute);
    else if (k == pr_kind_identifier) part = expr;
    else return false;
    uint32_t len;
    const char *t = pr_text(ctx, part, &len);
    if (len != (uint32_t)(end - dot) || memcmp(t, dot, len)) return false;
    if (dot == dotted) return k == pr_kind_identifier;
    if (k != pr_kind_attribute) return false;
    expr = pr_unparenthesize(pr_child(expr, pr_field_object));
    end = dot - 1;
  }
}

bool pr_is_logging_call(const pr_ctx *ctx, TSNode call) {
  static const char *const methods[] = {"debug", "info", "warning", "warn", "error",
                                        "exception", "critical", "log", NULL};
  if (pr_node_kind(call) != pr_kind_call) return false;
  TSNode name = pr_callee_name(call), recv = pr_unparenthesize(pr_callee_receiver(call));
  if (ts_node_is_null(recv)) return false;
  bool method = false;
  for (int i = 0; methods[i] && !method; i++) method = pr_text_is(ctx, name, methods[i]);
  if (!method) return false;
  pr_kind k = pr_node_kind(recv);
  TSNode last = k == pr_kind_attribute ? pr_child(recv, pr_field_attribute) : k == pr_kind_identifier ? recv : (TSNode){0};
  if (ts_node_is_null(last)) return false;
  uint32_t len;
  const char *s = pr_text(ctx, last, &len);
  while (len && *s == '_') { s++; len--; }
  static const char *const receivers[] = {"log", "logger", "logging", NULL};
  for (int i = 0; receivers[i]; i++)
    if (strlen(receivers[i]) == len && !strncasecmp(s, receivers[i], len)) return true;
  return false;
}

bool pr_text_mentions(const pr_ctx *ctx, uint8_t *cache, const char *const *needles) {
  if (cache && *cache) return *cache == 1;
  bool found = false;
  for (int i = 0; needles[i] && !found; i++) {
    size_t n = strlen(needles[i]);
    if (!n || n > ctx->len) continue;
    const char *p = ctx->text, *end = ctx->text + ctx->len - n + 1;
    while (p < end && !found) {
      p = memchr(p, needles[i][0], (size_t)(end - p));
      if (!p) break;
      if (!memcmp(p, needles[i], n)) found = true;
      p++;
    }
  }
  if (cache) *cache = found ? 1 : 2;
  return found;
}
