/* literal.c - literal values and constant truth; see literal.h. */
#include "literal.h"

#include "names.h"

#include <string.h>

bool pr_string_has_interpolation(TSNode s) {
  pr_kind k = pr_node_kind(s);
  if (k == pr_kind_concatenated_string) {
    uint32_t n = ts_node_named_child_count(s);
    for (uint32_t i = 0; i < n; i++)
      if (pr_string_has_interpolation(ts_node_named_child(s, i))) return true;
    return false;
  }
  if (k != pr_kind_string) return false;
  uint32_t n = ts_node_named_child_count(s);
  for (uint32_t i = 0; i < n; i++)
    if (pr_node_kind(ts_node_named_child(s, i)) == pr_kind_interpolation) return true;
  return false;
}

static bool pr_string__append(const pr_ctx *ctx, TSNode s, char *buf, uint32_t cap, uint32_t *o) {
  uint32_t n = ts_node_named_child_count(s);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(s, i);
    pr_kind k = pr_node_kind(c);
    if (k == pr_kind_interpolation) return false;
    if (k != pr_kind_string_content) continue;
    uint32_t len;
    const char *t = pr_text(ctx, c, &len);
    if (*o + len + 1 > cap) {
      uint32_t room = cap - 1 - *o;
      memcpy(buf + *o, t, room);
      *o += room;
      return false;
    }
    memcpy(buf + *o, t, len);
    *o += len;
  }
  return true;
}

uint32_t pr_string_text(const pr_ctx *ctx, TSNode s, char *buf, uint32_t cap, bool *whole) {
  bool all = true;
  uint32_t o = 0;
  pr_kind k = pr_node_kind(s);
  if (cap == 0) return 0;
  if (k == pr_kind_string) {
    all = pr_string__append(ctx, s, buf, cap, &o);
  } else if (k == pr_kind_concatenated_string) {
    uint32_t n = ts_node_named_child_count(s);
    for (uint32_t i = 0; i < n && all; i++) {
      TSNode c = ts_node_named_child(s, i);
      if (pr_node_kind(c) == pr_kind_string) all = pr_string__append(ctx, c, buf, cap, &o);
    }
  } else {
    all = false;
  }
  buf[o] = 0;
  if (whole) *whole = all;
  return o;
}

/* True when a nested function declares the function-level symbol `sid`
 * `nonlocal` and assigns it. (Assignments after `global` are recorded on the
 * module's symbol by the model, so module names need no such check.) */
static bool pr_literal__rebound_via_nonlocal(const pr_model *m, uint32_t sid) {
  if (!m->nonlocal_count) return false;
  const pr_symbol *target = &m->symbols[sid];
  for (uint32_t i = 0; i < m->symbol_count; i++) {
    const pr_symbol *s = &m->symbols[i];
    if (i == sid || !s->declared_nonlocal || s->count == 0 || s->name_len != target->name_len ||
        memcmp(s->name, target->name, s->name_len))
      continue;
    for (uint32_t up = m->scopes[s->scope].parent; up != PR_NONE; up = m->scopes[up].parent)
      if (up == target->scope) return true;
  }
  return false;
}

TSNode pr_single_assignment_value(const pr_ctx *ctx, TSNode name, uint32_t scope) {
  const pr_model *m = ctx->model;
  uint32_t len;
  const char *s = pr_text(ctx, name, &len);
  uint32_t b = pr_model_resolve(m, scope, s, len, ts_node_start_byte(name));
  if (b == PR_NONE) return (TSNode){0};
  const pr_binding *bd = &m->bindings[b];
  const pr_symbol *sym = &m->symbols[bd->symbol];
  /* the name must be a local of the same function, of the same class body, or module-level */
  uint32_t fn = pr_model_function_of(m, scope);
  uint32_t home = fn != PR_NONE ? fn : scope;
  if (sym->scope != home && sym->scope != 0) return (TSNode){0};
  if (sym->count != 1) return (TSNode){0};
  if (bd->kind != PR_BIND_ASSIGN && bd->kind != PR_BIND_ANNASSIGN) return (TSNode){0};
  if (ts_node_is_null(bd->value)) return (TSNode){0};
  if (sym->scope != 0 && pr_literal__rebound_via_nonlocal(m, bd->symbol)) return (TSNode){0};
  return bd->value;
}

bool pr_is_literal(const pr_ctx *ctx, TSNode expr, uint32_t scope) {
  return pr_is_literal_accepting(ctx, expr, scope, NULL);
}

/* Pushes the expression of every replacement field of a string or
 * concatenated string; false when the stack is full. */
static bool pr_literal__push_fields(TSNode s, TSNode *stack, uint8_t *names, uint32_t *top, uint32_t cap,
                                    uint8_t depth) {
  uint32_t n = ts_node_named_child_count(s);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(s, i);
    pr_kind k = pr_node_kind(c);
    if (k == pr_kind_string) {
      if (!pr_literal__push_fields(c, stack, names, top, cap, depth)) return false;
    } else if (k == pr_kind_interpolation) {
      if (*top + 8 > cap) return false;
      stack[*top] = pr_child(c, pr_field_expression);
      if (ts_node_is_null(stack[*top])) stack[*top] = ts_node_named_child(c, 0);
      names[(*top)++] = depth;
    }
  }
  return true;
}

bool pr_is_literal_accepting(const pr_ctx *ctx, TSNode expr, uint32_t scope,
                             bool (*accept)(const pr_ctx *ctx, TSNode call, uint32_t scope)) {
  pr_literal_accept a = {accept, NULL};
  return pr_is_literal_with(ctx, expr, scope, accept ? &a : NULL);
}

bool pr_is_literal_with(const pr_ctx *ctx, TSNode expr, uint32_t scope, const pr_literal_accept *accept) {
  if (accept && !accept->call && !accept->attribute) accept = NULL;
  enum { PR_LIT_STACK = 256, PR_LIT_NAMES = 8 };
  TSNode stack[PR_LIT_STACK];
  uint8_t names[PR_LIT_STACK];  /* how many names were followed to get here */
  uint32_t top = 0;
  stack[top] = expr;
  names[top++] = 0;
  while (top) {
    TSNode n = pr_unparenthesize(stack[--top]);
    uint8_t depth = names[top];
    if (top + 8 > PR_LIT_STACK) return false;  /* too complex to call literal */
    switch (pr_node_kind(n)) {
    case pr_kind_string:
    case pr_kind_concatenated_string: {
      if (pr_string_has_interpolation(n)) {
        if (!accept) return false;
        /* with accepted calls, a replacement field is judged like an operand */
        if (!pr_literal__push_fields(n, stack, names, &top, PR_LIT_STACK, depth)) return false;
      }
      /* Python 2 backticks parse as a string but are repr(x) */
      uint32_t q;
      const char *t = pr_text(ctx, n, &q);
      if (q && t[0] == '`') return false;
      break;
    }
    case pr_kind_integer:
    case pr_kind_float:
      break;
    case pr_kind_conditional_expression: {
      /* `"a" if c else "b"` can only be one of its two literals; the test is not part of the value */
      uint32_t c = ts_node_named_child_count(n);
      if (c < 3) return false;
      stack[top] = ts_node_named_child(n, 0); names[top++] = depth;
      stack[top] = ts_node_named_child(n, 2); names[top++] = depth;
      break;
    }
    case pr_kind_binary_operator: {
      TSNode op = pr_child(n, pr_field_operator);
      if (!pr_text_is(ctx, op, "+") && !pr_text_is(ctx, op, "%")) return false;
      stack[top] = pr_child(n, pr_field_left); names[top++] = depth;
      stack[top] = pr_child(n, pr_field_right); names[top++] = depth;
      break;
    }
    case pr_kind_tuple:
    case pr_kind_dictionary:
    case pr_kind_pair: {
      uint32_t c = ts_node_named_child_count(n);
      if (top + c + 8 > PR_LIT_STACK) return false;
      for (uint32_t i = 0; i < c; i++) {
        TSNode e = ts_node_named_child(n, i);
        if (pr_node_kind(e) == pr_kind_comment) continue;
        stack[top] = e; names[top++] = depth;
      }
      break;
    }
    case pr_kind_attribute:
      if (accept && accept->attribute && accept->attribute(ctx, n, scope)) break;
      return false;
    case pr_kind_call: {
      if (accept && accept->call && accept->call(ctx, n, scope)) break;
      TSNode fn = pr_child(n, pr_field_function);
      if (pr_node_kind(fn) != pr_kind_attribute || !pr_text_is(ctx, pr_child(fn, pr_field_attribute), "format"))
        return false;
      stack[top] = pr_child(fn, pr_field_object); names[top++] = depth;
      TSNode args = pr_child(n, pr_field_arguments);
      uint32_t c = ts_node_named_child_count(args);
      if (top + c + 8 > PR_LIT_STACK) return false;
      for (uint32_t i = 0; i < c; i++) {
        TSNode a = ts_node_named_child(args, i);
        pr_kind k = pr_node_kind(a);
        if (k == pr_kind_comment) continue;
        if (k == pr_kind_keyword_argument) a = pr_child(a, pr_field_value);
        else if (k == pr_kind_list_splat || k == pr_kind_dictionary_splat) return false;
        stack[top] = a; names[top++] = depth;
      }
      break;
    }
    case pr_kind_identifier: {
      if (depth >= PR_LIT_NAMES) return false;
      TSNode v = pr_single_assignment_value(ctx, n, scope);
      if (ts_node_is_null(v)) return false;
      stack[top] = v; names[top++] = (uint8_t)(depth + 1);
      break;
    }
    default:
      return false;
    }
  }
  return true;
}

/* True for a number literal that is not zero (`0x10`, `1e3`, `0.5`; not `0e5`, `0.0`, `0j`). */
static bool pr_literal__nonzero_number(const pr_ctx *ctx, TSNode num) {
  uint32_t len;
  const char *s = pr_text(ctx, num, &len);
  uint32_t i = 0;
  if (len >= 2 && s[0] == '0' && strchr("xXoObB", s[1])) i = 2;
  bool hex = i == 2 && (s[1] == 'x' || s[1] == 'X');
  for (; i < len; i++) {
    char c = s[i];
    if (!hex && (c == 'e' || c == 'E')) break;  /* exponent: 0e5 is zero */
    if (c >= '1' && c <= '9') return true;
    if (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return true;
  }
  return false;
}

int pr_constant_truth(const pr_ctx *ctx, TSNode value) {
  value = pr_unparenthesize(value);
  switch (pr_node_kind(value)) {
  case pr_kind_true:
    return 1;
  case pr_kind_false:
  case pr_kind_none:
    return 0;
  case pr_kind_integer:
  case pr_kind_float:
    return pr_literal__nonzero_number(ctx, value);
  case pr_kind_unary_operator: {
    TSNode arg = pr_unparenthesize(pr_child(value, pr_field_argument));
    pr_kind k = pr_node_kind(arg);
    if ((k != pr_kind_integer && k != pr_kind_float) || pr_text_is(ctx, pr_child(value, pr_field_operator), "~"))
      return -1;
    return pr_literal__nonzero_number(ctx, arg);
  }
  case pr_kind_string:
  case pr_kind_concatenated_string: {
    if (pr_string_has_interpolation(value)) return -1;
    /* non-empty when some part has content (escape sequences count too) */
    pr_string_parts it;
    TSNode part;
    bool found = false;
    for (pr_string_parts_start(&it, value); !found && pr_string_parts_next(&it, &part);) {
      pr_kind k = pr_node_kind(part);
      found = (k == pr_kind_string_content || k == pr_kind_escape_sequence) &&
              ts_node_end_byte(part) > ts_node_start_byte(part);
    }
    pr_string_parts_end(&it);
    return found ? 1 : 0;
  }
  case pr_kind_list:
  case pr_kind_tuple:
  case pr_kind_dictionary:
  case pr_kind_set: {
    uint32_t n = ts_node_named_child_count(value);
    for (uint32_t i = 0; i < n; i++)
      if (pr_node_kind(ts_node_named_child(value, i)) != pr_kind_comment) return 1;
    return 0;
  }
  default:
    return -1;
  }
}

void pr_string_parts_start(pr_string_parts *it, TSNode s) {
  it->concatenated = pr_node_kind(s) != pr_kind_string;
  it->inner_live = !it->concatenated;
  if (it->concatenated) pr_children_start(&it->outer, s);
  else pr_children_start(&it->inner, s);
}

bool pr_string_parts_next(pr_string_parts *it, TSNode *part) {
  for (;;) {
    if (it->inner_live) {
      if (pr_children_next(&it->inner, part)) return true;
      pr_children_end(&it->inner);
      it->inner_live = false;
    }
    TSNode c;
    do {
      if (!it->concatenated || !pr_children_next(&it->outer, &c)) return false;
    } while (pr_node_kind(c) != pr_kind_string);
    pr_children_start(&it->inner, c);
    it->inner_live = true;
  }
}

void pr_string_parts_end(pr_string_parts *it) {
  if (it->inner_live) pr_children_end(&it->inner);
  if (it->concatenated) pr_children_end(&it->outer);
  it->inner_live = it->concatenated = false;
}
