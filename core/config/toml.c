/* toml.c - TOML 1.0 text -> value tree through the tree-sitter TOML grammar; see toml.h. */
#include "toml.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_toml(void);

/* table flags: how it came to exist (TOML forbids defining a table twice) */
enum {
  PR_TOML_T_IMPLICIT = 1u << 0,  /* an intermediate of a [header] */
  PR_TOML_T_DEFINED = 1u << 1,   /* by its own [header] or [[header]] */
  PR_TOML_T_DOTTED = 1u << 2,    /* by a dotted key (`a.b = 1` defines a) */
  PR_TOML_T_INLINE = 1u << 3,    /* { ... }: closed */
  PR_TOML_A_TABLES = 1u << 4,    /* an array of tables ([[header]]), not a literal array */
};

typedef struct pr_toml_run {
  const char *text;
  size_t len;
  pr_toml_doc *doc;
  pr_toml_error *err;
  bool failed;
  uint32_t *lines;           /* byte where each line starts */
  uint32_t line_count;
} pr_toml_run;

typedef struct pr_toml_key {
  const char *s;
  uint32_t len, line, col;
} pr_toml_key;

const char *pr_toml_type_name(pr_toml_type type) {
  static const char *const names[] = {"table", "array", "string", "integer", "float", "boolean", "date-time"};
  return (unsigned)type < sizeof names / sizeof *names ? names[type] : "value";
}

/* 1-based line and column (code points) of byte `at`. */
static void pr_toml__where(const pr_toml_run *run, uint32_t at, uint32_t *line, uint32_t *col) {
  uint32_t lo = 0, hi = run->line_count;  /* the last line starting at or before `at` */
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (run->lines[mid] <= at) lo = mid;
    else hi = mid;
  }
  uint32_t n = 1;
  for (uint32_t i = run->line_count ? run->lines[lo] : 0; i < at; i++) n += ((unsigned char)run->text[i] & 0xC0) != 0x80;
  *line = lo + 1;
  *col = n;
}

static void pr_toml__fail_at(pr_toml_run *run, uint32_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void pr_toml__fail_at(pr_toml_run *run, uint32_t at, const char *fmt, ...) {
  if (run->failed) return;
  run->failed = true;
  if (at == UINT32_MAX) {
    run->err->line = run->err->col = 0;
  } else {
    pr_toml__where(run, at, &run->err->line, &run->err->col);
  }
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(run->err->message, sizeof run->err->message, fmt, ap);
  va_end(ap);
  /* quoted text may hold tabs or a cut character: keep the message one line of UTF-8 */
  char *m = run->err->message;
  for (size_t i = 0; m[i];) {
    unsigned char ch = (unsigned char)m[i];
    size_t n = ch < 0x80 ? 1 : (ch & 0xE0) == 0xC0 ? 2 : (ch & 0xF0) == 0xE0 ? 3 : (ch & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = n > 0 && !(n == 1 && (ch < 0x20 || ch == 0x7F));
    for (size_t k = 1; ok && k < n; k++) ok = ((unsigned char)m[i + k] & 0xC0) == 0x80;
    if (ok) { i += n; continue; }
    m[i++] = '?';
  }
}

static void pr_toml__oom(pr_toml_run *run) { pr_toml__fail_at(run, UINT32_MAX, "out of memory"); }

static pr_toml_value *pr_toml__new(pr_toml_run *run, pr_toml_type type, uint32_t at) {
  pr_toml_value *v = pr_arena_alloc(&run->doc->arena, sizeof *v);
  if (!v) { pr_toml__oom(run); return NULL; }
  v->type = type;
  if (at != UINT32_MAX) pr_toml__where(run, at, &v->line, &v->col);
  return v;
}

/* Grows an arena array to hold n+1 elements (old blocks stay in the arena). */
static bool pr_toml__grow(pr_toml_run *run, void **items, uint32_t *cap, uint32_t count, size_t size) {
  if (count < *cap) return true;
  uint32_t ncap = *cap ? *cap * 2 : 4;
  void *p = pr_arena_alloc(&run->doc->arena, ncap * size);
  if (!p) { pr_toml__oom(run); return false; }
  if (count) memcpy(p, *items, count * size);
  *items = p;
  *cap = ncap;
  return true;
}

static pr_toml_pair *pr_toml__lookup(pr_toml_value *t, const char *key, uint32_t len) {
  for (uint32_t i = 0; i < t->count; i++)
    if (t->pairs[i].key_len == len && !memcmp(t->pairs[i].key, key, len)) return &t->pairs[i];
  return NULL;
}

const pr_toml_pair *pr_toml_find(const pr_toml_value *t, const char *key) {
  if (!t || t->type != PR_TOML_TABLE) return NULL;
  return pr_toml__lookup((pr_toml_value *)t, key, (uint32_t)strlen(key));
}

static pr_toml_pair *pr_toml__add(pr_toml_run *run, pr_toml_value *t, const pr_toml_key *k, pr_toml_value *v) {
  if (!pr_toml__grow(run, (void **)&t->pairs, &t->cap, t->count, sizeof *t->pairs)) return NULL;
  pr_toml_pair *p = &t->pairs[t->count++];
  *p = (pr_toml_pair){.key = k->s, .key_len = k->len, .line = k->line, .col = k->col, .value = v};
  return p;
}

/* ---------- strings ---------- */

typedef struct pr_toml_buf {
  char *data;
  size_t len, cap;
} pr_toml_buf;

static bool pr_toml__put(pr_toml_buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) return false;
    b->data = p;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
  return true;
}

static size_t pr_toml__utf8(uint32_t c, char out[4]) {
  if (c < 0x80) { out[0] = (char)c; return 1; }
  if (c < 0x800) { out[0] = (char)(0xC0 | c >> 6); out[1] = (char)(0x80 | (c & 0x3F)); return 2; }
  if (c < 0x10000) {
    out[0] = (char)(0xE0 | c >> 12); out[1] = (char)(0x80 | ((c >> 6) & 0x3F)); out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | c >> 18); out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((c >> 6) & 0x3F)); out[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

static bool pr_toml__is_ws(char c) { return c == ' ' || c == '\t'; }

/* Decodes the string or quoted key written at text[s..e) (quotes included)
 * into *out (in the arena). */
static bool pr_toml__string(pr_toml_run *run, uint32_t s, uint32_t e, const char **out, uint32_t *out_len) {
  const char *t = run->text;
  size_t n = e - s;
  bool literal = t[s] == '\'';
  bool multi = n >= 6 && (!memcmp(t + s, "\"\"\"", 3) || !memcmp(t + s, "'''", 3));
  uint32_t q = multi ? 3 : 1;
  if (n < 2 * q) { pr_toml__fail_at(run, s, "unterminated string"); return false; }
  uint32_t i = s + q, end = e - q;
  /* a newline right after the opening delimiter is not part of the string */
  if (multi) {
    if (i < end && t[i] == '\n') i++;
    else if (i + 1 < end && t[i] == '\r' && t[i + 1] == '\n') i += 2;
  }
  pr_toml_buf b = {0};
  bool ok = pr_toml__put(&b, "", 0);
  while (ok && i < end) {
    char c = t[i];
    if (literal || c != '\\') {
      uint32_t j = i;
      while (j < end && (literal || t[j] != '\\')) j++;
      ok = pr_toml__put(&b, t + i, j - i);
      i = j;
      continue;
    }
    uint32_t at = i++;
    if (i >= end) { pr_toml__fail_at(run, at, "invalid escape sequence"); ok = false; break; }
    char x = t[i++];
    const char *simple = NULL;
    switch (x) {
    case 'b': simple = "\b"; break;
    case 't': simple = "\t"; break;
    case 'n': simple = "\n"; break;
    case 'f': simple = "\f"; break;
    case 'r': simple = "\r"; break;
    case '"': simple = "\""; break;
    case '\\': simple = "\\"; break;
    default: break;
    }
    if (simple) { ok = pr_toml__put(&b, simple, 1); continue; }
    if (x == 'u' || x == 'U') {
      uint32_t digits = x == 'u' ? 4 : 8, cp = 0;
      for (uint32_t d = 0; d < digits; d++, i++) {
        char h = i < end ? t[i] : 0;
        int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (v < 0) {
          pr_toml__fail_at(run, at, "\\%c needs %u hexadecimal digits", x, digits);
          free(b.data);
          return false;
        }
        cp = cp * 16 + (uint32_t)v;
      }
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        pr_toml__fail_at(run, at, "\\%c%0*X is not a Unicode scalar value", x, (int)digits, cp);
        free(b.data);
        return false;
      }
      char u[4];
      ok = pr_toml__put(&b, u, pr_toml__utf8(cp, u));
      continue;
    }
    if (multi && (pr_toml__is_ws(x) || x == '\n' || x == '\r')) {
      /* a line-ending backslash: drop it and all whitespace and newlines after it */
      uint32_t j = i - 1;
      while (j < end && pr_toml__is_ws(t[j])) j++;
      if (j < end && t[j] != '\n' && t[j] != '\r') {
        pr_toml__fail_at(run, at, "invalid escape sequence '\\%c'", x);
        free(b.data);
        return false;
      }
      while (j < end && (pr_toml__is_ws(t[j]) || t[j] == '\n' || t[j] == '\r')) j++;
      i = j;
      continue;
    }
    if ((unsigned char)x < 0x20 || (unsigned char)x >= 0x7F)
      pr_toml__fail_at(run, at, "invalid escape sequence");
    else
      pr_toml__fail_at(run, at, "invalid escape sequence '\\%c'", x);
    free(b.data);
    return false;
  }
  if (!ok) { free(b.data); pr_toml__oom(run); return false; }
  *out = pr_arena_strndup(&run->doc->arena, b.data, b.len);
  *out_len = (uint32_t)b.len;
  free(b.data);
  if (!*out) { pr_toml__oom(run); return false; }
  return true;
}

/* ---------- keys ---------- */

typedef struct pr_toml_keys {
  pr_toml_key *items;
  uint32_t count, cap;
} pr_toml_keys;

static bool pr_toml__key_part(pr_toml_run *run, TSNode n, pr_toml_keys *keys) {
  if (keys->count == keys->cap) {
    uint32_t cap = keys->cap ? keys->cap * 2 : 8;
    pr_toml_key *p = realloc(keys->items, cap * sizeof *p);
    if (!p) { pr_toml__oom(run); return false; }
    keys->items = p;
    keys->cap = cap;
  }
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  pr_toml_key *k = &keys->items[keys->count];
  pr_toml__where(run, s, &k->line, &k->col);
  if (!strcmp(ts_node_type(n), "quoted_key")) {
    if (!pr_toml__string(run, s, e, &k->s, &k->len)) return false;
  } else {
    k->s = pr_arena_strndup(&run->doc->arena, run->text + s, e - s);
    k->len = e - s;
    if (!k->s) { pr_toml__oom(run); return false; }
  }
  keys->count++;
  return true;
}

/* The parts of a bare, quoted or dotted key in order; a dotted key's tree is
 * walked with a cursor (a key of many parts nests deeply). */
static bool pr_toml__key(pr_toml_run *run, TSNode key, pr_toml_keys *keys) {
  keys->count = 0;
  TSTreeCursor c = ts_tree_cursor_new(key);
  bool ok = true;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    const char *type = ts_node_type(n);
    if (!strcmp(type, "bare_key") || !strcmp(type, "quoted_key")) {
      if (!pr_toml__key_part(run, n, keys)) { ok = false; break; }
    } else if (ts_tree_cursor_goto_first_child(&c)) {
      continue;
    }
    bool moved = false;
    while (!moved) {
      if (ts_tree_cursor_goto_next_sibling(&c)) { moved = true; break; }
      if (!ts_tree_cursor_goto_parent(&c)) break;
      if (ts_node_eq(ts_tree_cursor_current_node(&c), key)) break;
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&c);
  return ok && keys->count > 0;
}

/* `a.b.c` of the first `upto` parts, for messages. */
static const char *pr_toml__key_text(const pr_toml_keys *keys, uint32_t upto, char *buf, size_t cap) {
  size_t o = 0;
  buf[0] = 0;
  for (uint32_t i = 0; i < upto && o + 1 < cap; i++) {
    int w = snprintf(buf + o, cap - o, "%s%.*s", i ? "." : "", (int)(keys->items[i].len > 60 ? 60 : keys->items[i].len),
                     keys->items[i].s);
    if (w < 0) break;
    o += (size_t)w;
  }
  return buf;
}

/* ---------- values ---------- */

static bool pr_toml__integer(pr_toml_run *run, TSNode n, pr_toml_value *v) {
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  char digits[80];
  size_t o = 0;
  for (uint32_t i = s; i < e && o + 1 < sizeof digits; i++)
    if (run->text[i] != '_') digits[o++] = run->text[i];
  digits[o] = 0;
  if (e - s >= sizeof digits) { pr_toml__fail_at(run, s, "integer out of range"); return false; }
  errno = 0;
  char *end;
  if (o > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'o' || digits[1] == 'b')) {
    int base = digits[1] == 'x' ? 16 : digits[1] == 'o' ? 8 : 2;
    unsigned long long u = strtoull(digits + 2, &end, base);
    if (errno || *end || u > INT64_MAX) { pr_toml__fail_at(run, s, "integer out of range"); return false; }
    v->integer = (int64_t)u;
  } else {
    long long x = strtoll(digits, &end, 10);
    if (errno || *end) { pr_toml__fail_at(run, s, "integer out of range"); return false; }
    v->integer = x;
  }
  return true;
}

static bool pr_toml__float(pr_toml_run *run, TSNode n, pr_toml_value *v) {
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  char digits[400];
  size_t o = 0;
  if (e - s >= sizeof digits) { pr_toml__fail_at(run, s, "float too long"); return false; }
  for (uint32_t i = s; i < e; i++)
    if (run->text[i] != '_') digits[o++] = run->text[i];
  digits[o] = 0;
  const char *d = digits;
  double sign = 1;
  if (*d == '+' || *d == '-') sign = *d++ == '-' ? -1 : 1;
  if (!strcmp(d, "inf")) { v->number = sign * INFINITY; return true; }
  if (!strcmp(d, "nan")) { v->number = sign < 0 ? -NAN : NAN; return true; }
  char *end;
  v->number = strtod(digits, &end);
  if (*end) { pr_toml__fail_at(run, s, "invalid float"); return false; }
  return true;
}

static pr_toml_value *pr_toml__value(pr_toml_run *run, TSNode n, uint32_t depth);

static bool pr_toml__pair_into(pr_toml_run *run, pr_toml_value *table, TSNode pair, uint32_t depth,
                               pr_toml_keys *keys);

static pr_toml_value *pr_toml__value(pr_toml_run *run, TSNode n, uint32_t depth) {
  const char *type = ts_node_type(n);
  uint32_t s = ts_node_start_byte(n);
  if (depth >= PR_TOML_MAX_DEPTH) {
    pr_toml__fail_at(run, s, "arrays and inline tables nested more than %d deep", PR_TOML_MAX_DEPTH);
    return NULL;
  }
  pr_toml_value *v = NULL;
  if (!strcmp(type, "string")) {
    if (!(v = pr_toml__new(run, PR_TOML_STRING, s))) return NULL;
    if (!pr_toml__string(run, s, ts_node_end_byte(n), &v->str, &v->str_len)) return NULL;
  } else if (!strcmp(type, "integer")) {
    if (!(v = pr_toml__new(run, PR_TOML_INTEGER, s)) || !pr_toml__integer(run, n, v)) return NULL;
  } else if (!strcmp(type, "float")) {
    if (!(v = pr_toml__new(run, PR_TOML_FLOAT, s)) || !pr_toml__float(run, n, v)) return NULL;
  } else if (!strcmp(type, "boolean")) {
    if (!(v = pr_toml__new(run, PR_TOML_BOOLEAN, s))) return NULL;
    v->boolean = run->text[s] == 't';
  } else if (!strcmp(type, "offset_date_time") || !strcmp(type, "local_date_time") || !strcmp(type, "local_date") ||
             !strcmp(type, "local_time")) {
    if (!(v = pr_toml__new(run, PR_TOML_DATETIME, s))) return NULL;
    v->str_len = ts_node_end_byte(n) - s;
    if (!(v->str = pr_arena_strndup(&run->doc->arena, run->text + s, v->str_len))) { pr_toml__oom(run); return NULL; }
  } else if (!strcmp(type, "array")) {
    if (!(v = pr_toml__new(run, PR_TOML_ARRAY, s))) return NULL;
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; i++) {
      TSNode c = ts_node_named_child(n, i);
      if (!strcmp(ts_node_type(c), "comment")) continue;
      pr_toml_value *item = pr_toml__value(run, c, depth + 1);
      if (!item) return NULL;
      if (!pr_toml__grow(run, (void **)&v->items, &v->cap, v->count, sizeof *v->items)) return NULL;
      v->items[v->count++] = item;
    }
  } else if (!strcmp(type, "inline_table")) {
    if (!(v = pr_toml__new(run, PR_TOML_TABLE, s))) return NULL;
    pr_toml_keys keys = {0};
    uint32_t count = ts_node_named_child_count(n);
    bool ok = true;
    for (uint32_t i = 0; i < count && ok; i++) {
      TSNode c = ts_node_named_child(n, i);
      if (!strcmp(ts_node_type(c), "pair")) ok = pr_toml__pair_into(run, v, c, depth + 1, &keys);
    }
    free(keys.items);
    if (!ok) return NULL;
    v->flags = PR_TOML_T_INLINE;
  } else {
    pr_toml__fail_at(run, s, "unexpected %s", type);
    return NULL;
  }
  return v;
}

/* key = value into `table`: dotted keys create (or extend) tables defined by dotted keys. */
static bool pr_toml__pair_into(pr_toml_run *run, pr_toml_value *table, TSNode pair, uint32_t depth,
                               pr_toml_keys *keys) {
  TSNode key = ts_node_named_child(pair, 0);
  uint32_t nchildren = ts_node_named_child_count(pair);
  TSNode val = {0};
  for (uint32_t i = 1; i < nchildren; i++) {
    TSNode c = ts_node_named_child(pair, i);
    if (strcmp(ts_node_type(c), "comment")) { val = c; break; }
  }
  if (ts_node_is_null(key) || ts_node_is_null(val)) {
    pr_toml__fail_at(run, ts_node_start_byte(pair), "a key needs a value");
    return false;
  }
  if (!pr_toml__key(run, key, keys)) return false;
  char name[256];
  pr_toml_value *t = table;
  for (uint32_t i = 0; i + 1 < keys->count; i++) {
    const pr_toml_key *k = &keys->items[i];
    pr_toml_pair *p = pr_toml__lookup(t, k->s, k->len);
    if (!p) {
      pr_toml_value *nt = pr_toml__new(run, PR_TOML_TABLE, UINT32_MAX);
      if (!nt) return false;
      nt->line = k->line;
      nt->col = k->col;
      nt->flags = PR_TOML_T_DOTTED;
      if (!pr_toml__add(run, t, k, nt)) return false;
      t = nt;
      continue;
    }
    pr_toml_value *v = p->value;
    if (v->type != PR_TOML_TABLE || (v->flags & (PR_TOML_T_DEFINED | PR_TOML_T_INLINE))) {
      pr_toml__fail_at(run, ts_node_start_byte(key), "'%s' is already defined at %u:%u and cannot be extended here",
                       pr_toml__key_text(keys, i + 1, name, sizeof name), p->line, p->col);
      return false;
    }
    t = v;
  }
  const pr_toml_key *last = &keys->items[keys->count - 1];
  pr_toml_pair *dup = pr_toml__lookup(t, last->s, last->len);
  if (dup) {
    pr_toml__fail_at(run, ts_node_start_byte(key), "duplicate key '%s' (first defined at %u:%u)",
                     pr_toml__key_text(keys, keys->count, name, sizeof name), dup->line, dup->col);
    return false;
  }
  pr_toml_key k = *last;  /* the keys buffer is reused by nested inline tables */
  pr_toml_value *v = pr_toml__value(run, val, depth);
  if (!v) return false;
  return pr_toml__add(run, t, &k, v) != NULL;
}

/* [header] or [[header]]: the table pairs below it go into. */
static pr_toml_value *pr_toml__header(pr_toml_run *run, pr_toml_value *root, TSNode node, bool array,
                                      pr_toml_keys *keys) {
  TSNode key = ts_node_named_child(node, 0);
  if (ts_node_is_null(key) || !pr_toml__key(run, key, keys)) {
    if (!run->failed) pr_toml__fail_at(run, ts_node_start_byte(node), "a table header needs a key");
    return NULL;
  }
  uint32_t at = ts_node_start_byte(node);
  char name[256];
  pr_toml_value *t = root;
  for (uint32_t i = 0; i + 1 < keys->count; i++) {
    const pr_toml_key *k = &keys->items[i];
    pr_toml_pair *p = pr_toml__lookup(t, k->s, k->len);
    if (!p) {
      pr_toml_value *nt = pr_toml__new(run, PR_TOML_TABLE, at);
      if (!nt) return NULL;
      nt->flags = PR_TOML_T_IMPLICIT;
      if (!pr_toml__add(run, t, k, nt)) return NULL;
      t = nt;
      continue;
    }
    pr_toml_value *v = p->value;
    if (v->type == PR_TOML_TABLE && !(v->flags & PR_TOML_T_INLINE)) {
      t = v;
    } else if (v->type == PR_TOML_ARRAY && (v->flags & PR_TOML_A_TABLES) && v->count) {
      t = v->items[v->count - 1];
    } else {
      pr_toml__fail_at(run, ts_node_start_byte(key), "'%s' is already defined at %u:%u as %s %s, not a table",
                       pr_toml__key_text(keys, i + 1, name, sizeof name), p->line, p->col,
                       v->type == PR_TOML_ARRAY || v->type == PR_TOML_INTEGER ? "an" : "a",
                       v->flags & PR_TOML_T_INLINE ? "inline table" : pr_toml_type_name(v->type));
      return NULL;
    }
  }
  const pr_toml_key *k = &keys->items[keys->count - 1];
  pr_toml_pair *p = pr_toml__lookup(t, k->s, k->len);
  pr_toml__key_text(keys, keys->count, name, sizeof name);
  if (array) {
    pr_toml_value *arr;
    if (!p) {
      if (!(arr = pr_toml__new(run, PR_TOML_ARRAY, at))) return NULL;
      arr->flags = PR_TOML_A_TABLES;
      if (!pr_toml__add(run, t, k, arr)) return NULL;
    } else if (p->value->type == PR_TOML_ARRAY && (p->value->flags & PR_TOML_A_TABLES)) {
      arr = p->value;
    } else {
      pr_toml__fail_at(run, ts_node_start_byte(key), "'%s' is already defined at %u:%u and is not an array of tables",
                       name, p->line, p->col);
      return NULL;
    }
    pr_toml_value *nt = pr_toml__new(run, PR_TOML_TABLE, at);
    if (!nt) return NULL;
    nt->flags = PR_TOML_T_DEFINED;
    if (!pr_toml__grow(run, (void **)&arr->items, &arr->cap, arr->count, sizeof *arr->items)) return NULL;
    arr->items[arr->count++] = nt;
    return nt;
  }
  if (!p) {
    pr_toml_value *nt = pr_toml__new(run, PR_TOML_TABLE, at);
    if (!nt) return NULL;
    nt->flags = PR_TOML_T_DEFINED;
    if (!pr_toml__add(run, t, k, nt)) return NULL;
    return nt;
  }
  pr_toml_value *v = p->value;
  if (v->type != PR_TOML_TABLE || (v->flags & (PR_TOML_T_DEFINED | PR_TOML_T_DOTTED | PR_TOML_T_INLINE))) {
    pr_toml__fail_at(run, ts_node_start_byte(key), "table '%s' is defined twice (first at %u:%u)", name, p->line,
                     p->col);
    return NULL;
  }
  v->flags = (v->flags & ~(unsigned)PR_TOML_T_IMPLICIT) | PR_TOML_T_DEFINED;
  pr_toml__where(run, at, &v->line, &v->col);
  pr_toml__where(run, ts_node_start_byte(key), &p->line, &p->col);
  return v;
}

/* The first ERROR or MISSING node, found by descending into the first child
 * that holds an error (no recursion). */
static void pr_toml__syntax_error(pr_toml_run *run, TSNode root) {
  TSNode n = root;
  for (;;) {
    if (ts_node_is_missing(n)) {
      const char *what = ts_node_type(n);
      if (what[0] == '_')  /* _line_ending_or_eof: something after a value on its line */
        pr_toml__fail_at(run, ts_node_start_byte(n), "syntax error: expected the end of the line");
      else
        pr_toml__fail_at(run, ts_node_start_byte(n), "syntax error: missing '%s'", what);
      return;
    }
    if (ts_node_is_error(n)) break;
    uint32_t count = ts_node_child_count(n);
    TSNode next = {0};
    for (uint32_t i = 0; i < count; i++) {
      TSNode c = ts_node_child(n, i);
      if (ts_node_has_error(c) || ts_node_is_missing(c)) { next = c; break; }
    }
    if (ts_node_is_null(next)) break;
    n = next;
  }
  /* an ERROR node: at an unexpected character inside it, else where the
     parser gave up: TOML is written a line at a time, so at the end of the
     node or of its first line, whichever comes first */
  uint32_t at = ts_node_end_byte(n), count = ts_node_child_count(n);
  for (uint32_t i = 0; i < count; i++) {
    TSNode c = ts_node_child(n, i);
    if (ts_node_is_error(c) || ts_node_is_missing(c)) {
      uint32_t s = ts_node_start_byte(c), e = ts_node_end_byte(c);
      if (s > 0 && run->text[s - 1] == '\\')
        pr_toml__fail_at(run, s - 1, "invalid escape sequence '\\%.*s'", (int)(e - s > 8 ? 8 : e - s), run->text + s);
      else if (run->text[s] == '\\' && s + 1 < run->len && (run->text[s + 1] == 'u' || run->text[s + 1] == 'U'))
        pr_toml__fail_at(run, s, "\\%c needs %d hexadecimal digits", run->text[s + 1], run->text[s + 1] == 'u' ? 4 : 8);
      else if (run->text[s] == '\\' && s + 1 < run->len && (unsigned char)run->text[s + 1] > 0x20 &&
               (unsigned char)run->text[s + 1] < 0x7F)
        pr_toml__fail_at(run, s, "invalid escape sequence '\\%c'", run->text[s + 1]);
      else if (run->text[s] == '\\')
        pr_toml__fail_at(run, s, "invalid escape sequence");
      else
        pr_toml__fail_at(run, s, "syntax error: unexpected '%.*s'", (int)(e - s > 20 ? 20 : e - s), run->text + s);
      return;
    }
  }
  TSNode parent = ts_node_parent(n);
  const char *ptype = ts_node_is_null(parent) ? "" : ts_node_type(parent);
  if (!strcmp(ptype, "array") || !strcmp(ptype, "inline_table") || !strcmp(ptype, "pair")) {
    at = ts_node_start_byte(n);  /* inside a value (an array): the error node is the bad text */
  } else {
    for (uint32_t i = ts_node_start_byte(n); i < at; i++)
      if (run->text[i] == '\n' || run->text[i] == '\r') { at = i; break; }
  }
  while (at < run->len && (run->text[at] == ' ' || run->text[at] == '\t')) at++;
  if (at >= run->len) { pr_toml__fail_at(run, at, "syntax error: unexpected end of file"); return; }
  if (run->text[at] == '\n' || run->text[at] == '\r') { pr_toml__fail_at(run, at, "syntax error: unexpected end of line"); return; }
  uint32_t end = at;
  while (end < run->len && end < at + 20 && run->text[end] != '\n' && run->text[end] != '\r' && run->text[end] != ' ')
    end++;
  while (end > at + 1 && end < run->len && ((unsigned char)run->text[end] & 0xC0) == 0x80) end--;
  while (end > at + 1 && (run->text[end - 1] == ',' || run->text[end - 1] == ']' || run->text[end - 1] == '}')) end--;
  pr_toml__fail_at(run, at, "syntax error: unexpected '%.*s'", (int)(end - at), run->text + at);
}

/* The first byte that is not part of valid UTF-8, or len. */
static size_t pr_toml__bad_utf8(const unsigned char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    unsigned c = s[i];
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (!n || i + n > len || (n == 2 && c < 0xC2)) return i;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = cp << 6 | (s[i + k] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += n;
  }
  return len;
}

int pr_toml_parse(const char *text, size_t len, pr_toml_doc *doc, pr_toml_error *err) {
  memset(doc, 0, sizeof *doc);
  memset(err, 0, sizeof *err);
  pr_toml_run run = {.text = text, .len = len, .doc = doc, .err = err};
  if (len >= UINT32_MAX) {
    pr_toml__fail_at(&run, UINT32_MAX, "file too large");
    return -1;
  }
  uint32_t nl = 1;
  for (size_t i = 0; i < len; i++) nl += text[i] == '\n';
  run.lines = malloc(nl * sizeof *run.lines);
  if (!run.lines) { pr_toml__oom(&run); return -1; }
  run.lines[run.line_count++] = 0;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n') run.lines[run.line_count++] = (uint32_t)i + 1;
  size_t bad = pr_toml__bad_utf8((const unsigned char *)text, len);
  if (bad < len) {
    pr_toml__fail_at(&run, (uint32_t)bad, "not valid UTF-8");
    free(run.lines);
    return -1;
  }
  TSParser *parser = ts_parser_new();
  if (!parser || !ts_parser_set_language(parser, tree_sitter_toml())) {
    if (parser) ts_parser_delete(parser);
    free(run.lines);
    pr_toml__oom(&run);
    return -1;
  }
  TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
  ts_parser_delete(parser);
  if (!tree) { free(run.lines); pr_toml__oom(&run); return -1; }
  TSNode root = ts_tree_root_node(tree);
  if (ts_node_has_error(root)) {
    pr_toml__syntax_error(&run, root);
  } else if ((doc->root = pr_toml__new(&run, PR_TOML_TABLE, 0)) != NULL) {
    doc->root->flags = PR_TOML_T_DEFINED;
    pr_toml_value *current = doc->root;
    pr_toml_keys keys = {0};
    uint32_t count = ts_node_named_child_count(root);
    for (uint32_t i = 0; i < count && !run.failed; i++) {
      TSNode c = ts_node_named_child(root, i);
      const char *type = ts_node_type(c);
      if (!strcmp(type, "pair")) {
        pr_toml__pair_into(&run, current, c, 0, &keys);
      } else if (!strcmp(type, "table") || !strcmp(type, "table_array_element")) {
        pr_toml_value *t = pr_toml__header(&run, doc->root, c, type[5] == '_', &keys);
        uint32_t nc = ts_node_named_child_count(c);
        for (uint32_t j = 1; j < nc && t && !run.failed; j++) {
          TSNode p = ts_node_named_child(c, j);
          if (!strcmp(ts_node_type(p), "pair")) pr_toml__pair_into(&run, t, p, 0, &keys);
        }
      }
    }
    free(keys.items);
  }
  ts_tree_delete(tree);
  free(run.lines);
  if (run.failed) {
    pr_arena_free(&doc->arena);
    memset(doc, 0, sizeof *doc);
    return -1;
  }
  return 0;
}

void pr_toml_free(pr_toml_doc *doc) {
  pr_arena_free(&doc->arena);
  memset(doc, 0, sizeof *doc);
}
