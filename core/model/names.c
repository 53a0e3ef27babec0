/* names.c - qualified names and call arguments; see names.h. */
#define _GNU_SOURCE  /* memmem */
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

/* The review's memo of callee names: (call node, scope) -> qualified name or none. */
typedef struct pr_call_memo_entry {
  const void *id;            /* the call node's id; NULL for an empty slot */
  uint32_t start, scope;
  uint32_t len;              /* 0: no qualified name */
  char *name;
} pr_call_memo_entry;

struct pr_call_memo {
  pr_call_memo_entry *slots;
  uint32_t cap, count;
  uint8_t gates[PR_GATE_COUNT];  /* pr_text_mentions caches shared by core's predicates */
};

uint8_t *pr_review_gate(const pr_ctx *ctx, pr_gate which) {
  return ctx->call_memo && which < PR_GATE_COUNT ? &ctx->call_memo->gates[which] : NULL;
}

struct pr_call_memo *pr_call_memo_new(pr_arena *arena) {
  return pr_arena_alloc(arena, sizeof(struct pr_call_memo));
}

static uint32_t pr_names__slot(const void *id, uint32_t start, uint32_t scope, uint32_t cap) {
  uint64_t h = ((uint64_t)(uintptr_t)id ^ ((uint64_t)start << 32) ^ scope) * 0x9E3779B97F4A7C15ull;
  return (uint32_t)(h >> 40) & (cap - 1);
}

uint32_t pr_call_qualified_name(const pr_ctx *ctx, TSNode call, char *buf, uint32_t cap) {
  struct pr_call_memo *m = ctx->call_memo;
  uint32_t start = ts_node_start_byte(call);
  if (m && m->cap) {
    for (uint32_t i = pr_names__slot(call.id, start, ctx->scope, m->cap);; i = (i + 1) & (m->cap - 1)) {
      const pr_call_memo_entry *e = &m->slots[i];
      if (!e->id) break;
      if (e->id == call.id && e->start == start && e->scope == ctx->scope) {
        if (!e->len || e->len >= cap) return 0;
        memcpy(buf, e->name, e->len + 1);
        return e->len;
      }
    }
  }
  char full[256];
  uint32_t len = pr_qualified_name(ctx, pr_child(call, pr_field_function), ctx->scope, full, sizeof full);
  if (m) {
    if ((m->count + 1) * 2 > m->cap) {
      uint32_t ncap = m->cap ? m->cap * 2 : 1024;
      pr_call_memo_entry *slots = pr_ctx_alloc((pr_ctx *)ctx, ncap * sizeof *slots);
      if (slots) {
        for (uint32_t i = 0; i < m->cap; i++) {
          const pr_call_memo_entry *o = &m->slots[i];
          if (!o->id) continue;
          uint32_t j = pr_names__slot(o->id, o->start, o->scope, ncap);
          while (slots[j].id) j = (j + 1) & (ncap - 1);
          slots[j] = *o;
        }
        m->slots = slots;
        m->cap = ncap;
      }
    }
    char *copy = len ? pr_ctx_alloc((pr_ctx *)ctx, len + 1) : NULL;
    if (m->cap && (!len || copy)) {
      if (copy) memcpy(copy, full, len + 1);
      uint32_t i = pr_names__slot(call.id, start, ctx->scope, m->cap);
      while (m->slots[i].id) i = (i + 1) & (m->cap - 1);
      m->slots[i] = (pr_call_memo_entry){call.id, start, ctx->scope, len, copy};
      m->count++;
    }
  }
  if (!len || len >= cap) return 0;
  memcpy(buf, full, len + 1);
  return len;
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
  /* most calls do not name the keyword: their text says so for less than
     the walk over their arguments (each ts_node_named_child(i) steps over i) */
  const char *const needles[] = {name, NULL};
  if (!pr_text_may_mention(ctx->text, ctx->len, ts_node_start_byte(args), ts_node_end_byte(args), needles))
    return (TSNode){0};
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

static bool pr_names__put(char *buf, uint32_t cap, uint32_t *out, const char *s, uint32_t len) {
  if (*out + len + 1 > cap) return false;
  memcpy(buf + *out, s, len);
  *out += len;
  return true;
}

static bool pr_names__put_dotted(const pr_ctx *ctx, TSNode dotted, char *buf, uint32_t cap, uint32_t *out) {
  if (pr_node_kind(dotted) != pr_kind_dotted_name) return false;
  pr_children kids;
  pr_children_start(&kids, dotted);
  TSNode part;
  bool first = true;
  while (pr_children_next(&kids, &part)) {
    if (pr_node_kind(part) != pr_kind_identifier) continue;
    uint32_t len;
    const char *t = pr_text(ctx, part, &len);
    if ((!first && !pr_names__put(buf, cap, out, ".", 1)) || !pr_names__put(buf, cap, out, t, len)) {
      pr_children_end(&kids);
      return false;
    }
    first = false;
  }
  pr_children_end(&kids);
  return !first;
}

uint32_t pr_import_item_text(const pr_ctx *ctx, TSNode item, char *buf, uint32_t cap) {
  uint32_t out = 0;
  pr_kind k = pr_node_kind(item);
  if (k == pr_kind_dotted_name) {
    if (!pr_names__put_dotted(ctx, item, buf, cap, &out)) return 0;
  } else if (k == pr_kind_aliased_import) {
    TSNode alias = pr_child(item, pr_field_alias);
    if (ts_node_is_null(alias) || !pr_names__put_dotted(ctx, pr_child(item, pr_field_name), buf, cap, &out)) return 0;
    uint32_t len;
    const char *t = pr_text(ctx, alias, &len);
    if (!pr_names__put(buf, cap, &out, " as ", 4) || !pr_names__put(buf, cap, &out, t, len)) return 0;
  } else {
    return 0;
  }
  buf[out] = 0;
  return out;
}

bool pr_is_logging_call(const pr_ctx *ctx, TSNode call) {
  static const char *const methods[] = {"debug", "info", "warning", "warn", "error",
                                        "exception", "critical", "log", NULL};
  if (pr_node_kind(call) != pr_kind_call) return false;
  /* the method's name first: most calls stop there, before their receiver is looked up */
  TSNode name = pr_callee_name(call);
  if (ts_node_is_null(name)) return false;
  uint32_t name_len;
  const char *name_text = pr_text(ctx, name, &name_len);
  bool method = false;
  for (int i = 0; methods[i] && !method; i++)
    method = strlen(methods[i]) == name_len && !memcmp(name_text, methods[i], name_len);
  if (!method) return false;
  TSNode recv = pr_unparenthesize(pr_callee_receiver(call));
  if (ts_node_is_null(recv)) return false;
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

/* How often each byte occurs in a sample of the text being searched (up to
 * 16 slices of 4 KiB spread over it), kept per thread for the last text: a
 * file's gates all search the same text, and which byte is rare depends on
 * the file (`k` and `M` are everywhere in a test module full of mocks). A
 * sample of an older text at the same address only costs speed, never
 * changes an answer. */
enum { PR_SAMPLE_SLICES = 16, PR_SAMPLE_SLICE = 4096 };
static _Thread_local struct {
  const char *text;
  uint32_t len;
  uint32_t count[256];
} pr_names__sample;

static const uint32_t *pr_names__frequencies(const char *text, uint32_t len) {
  if (pr_names__sample.text == text && pr_names__sample.len == len) return pr_names__sample.count;
  uint32_t *count = pr_names__sample.count;
  memset(count, 0, 256 * sizeof *count);
  uint32_t step = len / PR_SAMPLE_SLICES;
  if (step < PR_SAMPLE_SLICE) step = PR_SAMPLE_SLICE;
  for (uint32_t at = 0; at < len; at += step) {
    const unsigned char *p = (const unsigned char *)text + at;
    uint32_t n = len - at < PR_SAMPLE_SLICE ? len - at : PR_SAMPLE_SLICE;
    for (uint32_t i = 0; i < n; i++) count[p[i]]++;
  }
  pr_names__sample.text = text;
  pr_names__sample.len = len;
  return count;
}

/* The index of the byte of `s` least frequent in the text's sample. */
static size_t pr_names__rarest(const char *text, uint32_t len, const char *s, size_t n) {
  const uint32_t *count = pr_names__frequencies(text, len);
  size_t best = 0;
  for (size_t i = 1; i < n; i++)
    if (count[(unsigned char)s[i]] < count[(unsigned char)s[best]]) best = i;
  return best;
}

uint32_t pr_text_find_range(const char *text, uint32_t len, uint32_t from, uint32_t to, const char *needle) {
  size_t n = strlen(needle);
  if (to > len) to = len;
  if (!n || from > to || n > to - from) return len;
  /* memchr for the needle's rarest byte in this text: the first one ('t' of
     "tempfile") would stop memchr every few bytes */
  size_t k = pr_names__rarest(text, len, needle, n);
  const char *p = text + from + k, *end = text + to - n + 1 + k;
  while (p < end) {
    p = memchr(p, needle[k], (size_t)(end - p));
    if (!p) break;
    if (!memcmp(p - k, needle, n)) return (uint32_t)(p - k - text);
    p++;
  }
  return len;
}

bool pr_text_may_mention(const char *text, uint32_t len, uint32_t from, uint32_t to, const char *const *needles) {
  if (to < from || to - from > PR_MENTION_SCAN_MAX) return true;
  for (int i = 0; needles[i]; i++)
    if (pr_text_find_range(text, len, from, to, needles[i]) < len) return true;
  return false;
}

uint32_t pr_text_find(const char *text, uint32_t len, uint32_t from, const char *needle) {
  return pr_text_find_range(text, len, from, len, needle);
}

bool pr_text_mentions(const pr_ctx *ctx, uint8_t *cache, const char *const *needles) {
  if (cache && *cache) return *cache == 1;
  bool found = false;
  for (int i = 0; needles[i] && !found; i++) found = pr_walked_text_has(ctx, needles[i], false);
  if (cache) *cache = found ? 1 : 2;
  return found;
}

static bool pr_names__ident_char(char c);

uint32_t pr_text_find_word(const char *text, uint32_t len, uint32_t from, const char *word) {
  return pr_text_find_word_range(text, len, from, len, word);
}

uint32_t pr_text_find_word_range(const char *text, uint32_t len, uint32_t from, uint32_t to, const char *word) {
  uint32_t n = (uint32_t)strlen(word);
  for (uint32_t p = pr_text_find_range(text, len, from, to, word); p < len;
       p = pr_text_find_range(text, len, p + 1, to, word)) {
    if ((p == 0 || !pr_names__ident_char(text[p - 1])) && (p + n >= len || !pr_names__ident_char(text[p + n])))
      return p;
  }
  return len;
}

static bool pr_names__ident_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (unsigned char)c >= 0x80;
}

/* True when text[p] starts a plain `=` (not `==`, `<=`, `>=`, `!=`, `:=`, an augmented operator). */
static bool pr_names__plain_equal(const char *text, uint32_t len, uint32_t p) {
  if (text[p] != '=' || (p + 1 < len && text[p + 1] == '=')) return false;
  return p == 0 || !strchr("=<>!:+-*/%&|^@", text[p - 1]);
}

/* What follows `.name` (its dot at text[dot]) at text[q..]: true when it assigns the attribute. */
static bool pr_names__assigns(const char *text, uint32_t len, uint32_t dot, uint32_t q) {
  while (q < len && (text[q] == ' ' || text[q] == '\t')) q++;
  if (q >= len) return false;
  char c = text[q];
  if (c == '=') return q + 1 >= len || text[q + 1] != '=';
  /* augmented: += -= *= /= %= &= |= ^= @= //= **= >>= <<= */
  if (strchr("+-*/%&|^@", c) && q + 1 < len && text[q + 1] == '=') return true;
  if ((c == '/' || c == '*' || c == '>' || c == '<') && q + 2 < len && text[q + 1] == c && text[q + 2] == '=')
    return true;
  if (c != ':' && c != ',') return false;
  if (c == ',') {
    /* a target list stands outside brackets: `f(self.a, b=1)` is a call */
    uint32_t b = dot;
    while (b > 0 && text[b - 1] != '\n' && text[b - 1] != '\r') b--;
    int open = 0;
    for (uint32_t r = b; r < dot; r++) {
      if (text[r] == '(' || text[r] == '[' || text[r] == '{') open++;
      else if (text[r] == ')' || text[r] == ']' || text[r] == '}') open--;
    }
    if (open > 0) return false;
  }
  /* an annotation, or a target list: a plain `=` later on the line, outside brackets */
  int depth = 0;
  for (uint32_t r = q + 1; r < len && text[r] != '\n' && text[r] != '\r'; r++) {
    char d = text[r];
    if (d == '#' || d == '"' || d == '\'') return false;
    if (d == '(' || d == '[' || d == '{') depth++;
    else if (d == ')' || d == ']' || d == '}') { if (--depth < 0) return false; }
    else if (depth == 0 && pr_names__plain_equal(text, len, r)) return true;
    else if (depth == 0 && c == ':' && d == ':') return false;
  }
  return false;
}

bool pr_next_assigned_attribute(const char *text, uint32_t len, uint32_t *pos, const char **name,
                                uint32_t *name_len) {
  static const char setattr_call[] = "setattr(";
  const uint32_t call_len = sizeof setattr_call - 1;
  /* from one `.` or `setattr(` to the next by memchr and memmem, a vector
     at a time (a key part reads all the text between functions on every
     keystroke: pydoc's topics, 756 KB); `setattr(` holds no `.`, so it lies
     wholly before the next dot or after it */
  for (uint32_t p = *pos; p < len;) {
    const char *dot_at = memchr(text + p, '.', len - p);
    uint32_t dot = dot_at ? (uint32_t)(dot_at - text) : len;
    const char *call_at = dot - p >= call_len ? memmem(text + p, dot - p, setattr_call, call_len) : NULL;
    if (call_at) {
      p = (uint32_t)(call_at - text);
      if (p > 0 && pr_names__ident_char(text[p - 1])) { p++; continue; }
      /* setattr(obj, "name", ...): the second argument, when a plain string literal */
      uint32_t q = p + call_len;
      int depth = 0;
      while (q < len && (depth > 0 || text[q] != ',') && text[q] != '\n') {
        if (text[q] == '(' || text[q] == '[' || text[q] == '{') depth++;
        else if (text[q] == ')' || text[q] == ']' || text[q] == '}') { if (--depth < 0) break; }
        q++;
      }
      if (q >= len || text[q] != ',') { p = q > p ? q : p + 1; continue; }
      q++;
      while (q < len && (text[q] == ' ' || text[q] == '\t')) q++;
      if (q >= len || (text[q] != '"' && text[q] != '\'')) { p = q; continue; }
      char quote = text[q];
      uint32_t start = ++q;
      while (q < len && pr_names__ident_char(text[q])) q++;
      if (q < len && text[q] == quote && q > start) {
        *name = text + start;
        *name_len = q - start;
        *pos = q + 1;
        return true;
      }
      p = q;
      continue;
    }
    if (dot >= len) break;
    p = dot;
    uint32_t q = p + 1;
    if (q >= len || (text[q] >= '0' && text[q] <= '9')) { p++; continue; }
    while (q < len && pr_names__ident_char(text[q])) q++;
    if (q == p + 1) { p++; continue; }
    if (pr_names__assigns(text, len, p, q)) {
      *name = text + p + 1;
      *name_len = q - p - 1;
      *pos = q;
      return true;
    }
    p = q;
  }
  *pos = len;
  return false;
}
