/* NAM001 inconsistent-naming: a name in the module's minority naming style.
 *
 * ## What it does
 * Counts the distinct names a module chooses itself (the names of the
 * functions and methods it defines, their parameters and the local variables
 * of its functions) by style: *snake_case* (`load_config`) or *camelCase*
 * (`loadConfig`), after stripping leading and trailing `_`. Single-word names,
 * UPPER_CASE, CapWords and mixed names (`do_GET`) have no style. When one
 * style has more names, each name of the other style is flagged once per
 * scope that binds it. On a tie nothing is flagged.
 *
 * Names chosen by an API are not counted: unittest's, logging's and handler
 * hooks (`setUp`, `getLogger`, `visit_Name`, `startElement`, ...), every name
 * the file imports, every name the file calls as a method of an object other
 * than `self`/`cls` (`self.client.fetchAll()`), and a public method that is
 * not snake_case in a class with a base imported from another module (it
 * presumably overrides that base's API). A snake_case parameter of a public
 * function counts toward the dominant style but is never flagged: it follows
 * PEP 8, and renaming it would break callers passing it by keyword.
 *
 * ## Why is this bad?
 * A module that mixes `load_config` and `saveConfig` makes every reader (and
 * every caller) guess which spelling a name has; one style per module keeps
 * names predictable.
 *
 * ## Example
 * ```python
 * def load_config(path):
 *     raw_text = read(path)
 *     return parse(raw_text)
 *
 * def saveConfig(config, path):
 *     write(path, dump(config))
 * ```
 *
 * ## Use instead
 * ```python
 * def save_config(config, path):
 *     write(path, dump(config))
 * ```
 */
#include "position.h"
#include "hooks.h"
#include "rule.h"
#include "rule_docs.h"
#include "statements.h"

#include <string.h>

enum { NAM001_NONE = 0, NAM001_SNAKE = 1, NAM001_CAMEL = 2 };

/* ---------- a small (scope, name) -> value hash map in the review's arena ---------- */

typedef struct nam001_entry {
  const char *name;      /* not NUL-terminated; NULL for an empty slot */
  uint32_t len;
  uint32_t scope;
  uint32_t value;
} nam001_entry;

typedef struct nam001_map {
  nam001_entry *slots;
  uint32_t cap, count;
} nam001_map;

/* The entry of (scope, name) whose hash is `hash`, or NULL. */
static nam001_entry *nam001_find_hashed(const nam001_map *map, uint32_t scope, const char *s, uint32_t n,
                                        uint32_t hash) {
  if (!map->cap) return NULL;
  uint32_t h = hash & (map->cap - 1);
  for (;;) {
    nam001_entry *e = &map->slots[h];
    if (!e->name) return NULL;
    if (e->scope == scope && e->len == n && memcmp(e->name, s, n) == 0) return e;
    h = (h + 1) & (map->cap - 1);
  }
}

/* Sizes an empty map for about n entries at once (no rehashing while it fills). */
static bool nam001_reserve(pr_ctx *ctx, nam001_map *map, uint32_t n) {
  uint32_t cap = 64;
  while (cap < n * 2 + 2) cap *= 2;
  map->slots = pr_ctx_alloc(ctx, cap * sizeof *map->slots);
  map->cap = map->slots ? cap : 0;
  map->count = 0;
  return map->slots != NULL;
}

/* Inserts (scope, name) with `value` unless present; returns the entry (new or
 * existing) and sets *added when it was new. NULL when out of memory. */
static nam001_entry *nam001_put_hashed(pr_ctx *ctx, nam001_map *map, uint32_t scope, const char *s, uint32_t n,
                                       uint32_t hash, uint32_t value, bool *added) {
  if (added) *added = false;
  nam001_entry *e = nam001_find_hashed(map, scope, s, n, hash);
  if (e) return e;
  if ((map->count + 1) * 2 > map->cap) {
    uint32_t cap = map->cap ? map->cap * 2 : 64;
    nam001_entry *slots = pr_ctx_alloc(ctx, cap * sizeof *slots);
    if (!slots) return NULL;
    for (uint32_t i = 0; i < map->cap; i++) {
      const nam001_entry *o = &map->slots[i];
      if (!o->name) continue;
      uint32_t h = (uint32_t)pr_name_hash(o->scope, o->name, o->len) & (cap - 1);
      while (slots[h].name) h = (h + 1) & (cap - 1);
      slots[h] = *o;
    }
    map->slots = slots;
    map->cap = cap;
  }
  uint32_t h = hash & (map->cap - 1);
  while (map->slots[h].name) h = (h + 1) & (map->cap - 1);
  e = &map->slots[h];
  *e = (nam001_entry){.name = s, .len = n, .scope = scope, .value = value};
  map->count++;
  if (added) *added = true;
  return e;
}

/* The same with the hash computed here: the lookup and the insertion share it
 * (NAM001 hashes the whole file's names on every review). */
static nam001_entry *nam001_put(pr_ctx *ctx, nam001_map *map, uint32_t scope, const char *s, uint32_t n,
                                uint32_t value, bool *added) {
  return nam001_put_hashed(ctx, map, scope, s, n, (uint32_t)pr_name_hash(scope, s, n), value, added);
}

/* ---------- facts: the rule decides over the whole file (rule.h) ---------- */

/* What the walk records; on_facts counts styles over the whole file. */
enum {
  NAM001_FACT_OWN = 1,      /* an own name: the first binding of (flag scope, name); ref[0] = the flag scope */
  NAM001_FACT_CALLED,       /* an attribute name called on a receiver other than self/cls */
  NAM001_FACT_IMPORTED,     /* a name the file imports (bound or imported spelling) */
  NAM001_FACT_STAR,         /* a `from m import *` */
};
/* NAM001_FACT_OWN values */
enum {
  NAM001_OVERRIDES = 1u << 4,       /* a method presumed to override an imported base's API */
  NAM001_OVERRIDES_STAR = 1u << 5,  /* the same if the file has a wildcard import */
  NAM001_NEVER_FLAGGED = 1u << 6,   /* counts toward the dominant style, never flagged: a snake_case
                                       parameter of a public function (PEP 8; keyword callers) */
};

static void nam001_fact(pr_ctx *ctx, uint32_t tag, uint32_t start, uint32_t end, const char *s, uint32_t n,
                        uint32_t value, uint32_t scope_start) {
  pr_fact f = {.start = start, .end = end, .ref = {scope_start, PR_NONE}, .tag = tag, .value = value,
               .text = s, .text_len = n};
  pr_add_fact(ctx, &f);
}

/* Per review: (function scope, name) pairs already recorded as called, so a
 * name called ten times in one function is one fact. */
typedef struct nam001_state {
  nam001_map called;
} nam001_state;

static void nam001_on_node(pr_ctx *ctx, TSNode call) {
  nam001_state *st = pr_rule_state(ctx, sizeof *st);
  if (!st) return;
  if (pr_node_kind(call) == pr_kind_import_from_statement) {
    uint32_t n = ts_node_named_child_count(call);
    for (uint32_t i = 0; i < n; i++) {
      TSNode c = ts_node_named_child(call, i);
      if (pr_node_kind(c) == pr_kind_wildcard_import)
        nam001_fact(ctx, NAM001_FACT_STAR, ts_node_start_byte(c), ts_node_end_byte(c), NULL, 0, 0, PR_NONE);
    }
    return;
  }
  TSNode fn = pr_child(call, pr_field_function);
  while (pr_node_kind(fn) == pr_kind_parenthesized_expression) fn = ts_node_named_child(fn, 0);
  if (pr_node_kind(fn) != pr_kind_attribute) return;
  TSNode recv = pr_child(fn, pr_field_object);
  if (pr_node_kind(recv) == pr_kind_identifier && (pr_text_is(ctx, recv, "self") || pr_text_is(ctx, recv, "cls")))
    return;
  TSNode name = pr_child(fn, pr_field_attribute);
  if (ts_node_is_null(name)) return;
  uint32_t n;
  const char *s = pr_text(ctx, name, &n);
  if (!n) return;
  uint32_t fscope = pr_model_function_of(ctx->model, ctx->scope);
  bool added;
  if (!nam001_put(ctx, &st->called, fscope == PR_NONE ? 0 : fscope + 1, s, n, 1, &added) || !added) return;
  nam001_fact(ctx, NAM001_FACT_CALLED, ts_node_start_byte(name), ts_node_end_byte(name), s, n, 0, PR_NONE);
}

/* ---------- styles and hook names ---------- */

/* Letter case of a code point: 1 lowercase, 2 uppercase, 0 a digit or `_`,
 * -1 anything else (a letter of a script this rule does not know the case of).
 * Beyond ASCII: Latin-1, Latin Extended-A, Greek and Cyrillic letters, so that
 * `berechne_größe` is snake_case and `zählerWert` camelCase. */
static int nam001_case(uint32_t c) {
  if (c >= 'a' && c <= 'z') return 1;
  if (c >= 'A' && c <= 'Z') return 2;
  if ((c >= '0' && c <= '9') || c == '_') return 0;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return 2;
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) return 1;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x138 || c == 0x149 || c == 0x17F) return 1;
    if (c == 0x178) return 2;
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    return ((c & 1) != 0) == odd_upper ? 2 : 1;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return 2;
  if (c >= 0x3AC && c <= 0x3CE) return 1;
  if (c >= 0x400 && c <= 0x42F) return 2;
  if (c >= 0x430 && c <= 0x45F) return 1;
  return -1;
}

/* The code point of the other case (`to_upper` or lower), or c itself. */
static uint32_t nam001_recase(uint32_t c, bool to_upper) {
  int k = nam001_case(c);
  if (k != (to_upper ? 1 : 2)) return c;
  if (c < 0x80) return to_upper ? c - 32 : c + 32;
  if (c <= 0xFF) return (c == 0xDF || c == 0xFF) ? c : to_upper ? c - 32 : c + 32;
  if (c <= 0x17F) {
    if (c == 0x138 || c == 0x149 || c == 0x17F || c == 0x178) return c;
    return to_upper ? c - 1 : c + 1;
  }
  if (c >= 0x391 && c <= 0x3CE) {
    /* Greek: Α-Ω <-> α-ω; accented and final forms keep their case */
    if ((c >= 0x3AC && c <= 0x3B0) || c == 0x3C2 || c > 0x3C9) return c;
    return to_upper ? c - 32 : c + 32;
  }
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c >= 0x450 && c <= 0x45F) return c - 0x50;
  return to_upper ? c - 32 : c + 32;
}

/* Decodes the code point at s[*i] (advancing *i); invalid bytes are U+FFFD. */
static uint32_t nam001_next(const char *s, uint32_t n, uint32_t *i) {
  uint32_t cp;
  *i += pr_utf8_decode((const unsigned char *)s + *i, n - *i, &cp);
  return cp;
}

/* The style of a name after stripping leading and trailing `_`. */
static int nam001_style(const char *s, uint32_t n) {
  while (n && *s == '_') { s++; n--; }
  while (n && s[n - 1] == '_') n--;
  if (!n) return NAM001_NONE;
  bool upper = false, under = false, lower = false, first_lower = false;
  for (uint32_t i = 0; i < n;) {
    uint32_t at = i, c = (unsigned char)s[i];
    int k;
    if (c < 0x80) {  /* most names are ASCII: no decoding, no table (this runs on every name of a review) */
      i++;
      k = c - 'a' < 26u ? 1 : c - 'A' < 26u ? 2 : (c - '0' < 10u || c == '_') ? 0 : -1;
    } else {
      c = nam001_next(s, n, &i);
      k = nam001_case(c);
    }
    if (k < 0) return NAM001_NONE;  /* a letter of unknown case */
    if (k == 1) lower = true;
    else if (k == 2) upper = true;
    else if (c == '_') under = true;
    if (at == 0) first_lower = k == 1;
  }
  if (!lower) return NAM001_NONE;
  if (under && !upper) return NAM001_SNAKE;
  if (upper && !under && first_lower) return NAM001_CAMEL;
  return NAM001_NONE;
}

static const char *nam001_style_name(int style) {
  return style == NAM001_SNAKE ? "snake_case" : "camelCase";
}

/* ---------- methods presumed to override an imported base ---------- */

static bool nam001_builtin_base(const char *s, uint32_t n) {
  static const char *const names[] = {"object", "dict", "list", "set", "frozenset", "tuple", "str", "bytes",
                                      "int", "float", "type", NULL};
  for (int i = 0; names[i]; i++)
    if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0) return true;
  static const char *const suffixes[] = {"Error", "Exception", "Warning", NULL};
  for (int i = 0; suffixes[i]; i++) {
    uint32_t p = (uint32_t)strlen(suffixes[i]);
    if (n >= p && memcmp(s + n - p, suffixes[i], p) == 0) return true;
  }
  return false;
}

/* What the rule learns about the file's classes while it judges methods. */
typedef struct nam001_classes {
  bool star_import;      /* the file has a `from m import *` */
  int8_t *imported;      /* per scope id: 0 not yet known, 1 has an imported base, -1 has none */
} nam001_classes;

/* True when a base expression of a class (read in `scope`) comes from another
 * module: its first name is imported, or is unbound in a file with a wildcard
 * import (builtins excepted). A class of the same file is not imported, even
 * when its own base is (the catalog reads "a base imported" literally). */
static bool nam001_base_is_imported(const pr_ctx *ctx, nam001_classes *cl, TSNode base, uint32_t scope, int depth) {
  const pr_model *m = ctx->model;
  for (int guard = 0; guard < 32; guard++) {
    pr_kind k = pr_node_kind(base);
    if (k == pr_kind_attribute) base = pr_child(base, pr_field_object);
    else if (k == pr_kind_subscript) base = pr_child(base, pr_field_value);
    else if (k == pr_kind_parenthesized_expression) base = ts_node_named_child(base, 0);
    else if (k == pr_kind_call) {
      /* with_metaclass(Meta, Base) and friends: judge the arguments */
      TSNode args = pr_child(base, pr_field_arguments);
      uint32_t n = ts_node_named_child_count(args);
      for (uint32_t i = 0; i < n; i++) {
        TSNode a = ts_node_named_child(args, i);
        if (pr_node_kind(a) == pr_kind_keyword_argument) continue;
        if (depth < 8 && nam001_base_is_imported(ctx, cl, a, scope, depth + 1)) return true;
      }
      base = pr_child(base, pr_field_function);
    } else break;
  }
  if (pr_node_kind(base) != pr_kind_identifier) return false;
  uint32_t n;
  const char *s = pr_text(ctx, base, &n);
  uint32_t b = pr_model_resolve(m, scope, s, n, ts_node_start_byte(base));
  if (b == PR_NONE) return cl->star_import && !nam001_builtin_base(s, n);
  return m->bindings[b].kind == PR_BIND_IMPORT;
}

static bool nam001_class_has_imported_base(const pr_ctx *ctx, nam001_classes *cl, uint32_t class_scope) {
  if (cl->imported[class_scope]) return cl->imported[class_scope] > 0;
  const pr_model *m = ctx->model;
  bool found = false;
  TSNode bases = pr_child(m->scopes[class_scope].node, pr_field_superclasses);
  uint32_t n = ts_node_is_null(bases) ? 0 : ts_node_named_child_count(bases);
  for (uint32_t i = 0; i < n; i++) {
    TSNode base = ts_node_named_child(bases, i);
    pr_kind k = pr_node_kind(base);
    if (k == pr_kind_keyword_argument || k == pr_kind_comment) continue;
    if (k == pr_kind_list_splat || k == pr_kind_dictionary_splat ||
        nam001_base_is_imported(ctx, cl, base, m->scopes[class_scope].parent, 0)) {
      found = true;
      break;
    }
  }
  cl->imported[class_scope] = found ? 1 : -1;
  return found;
}

/* A public class for the catalog's "Public functions": neither it nor an
 * enclosing class starts with `_`, and it is not defined inside a function. */
static bool nam001_public_class(const pr_model *m, uint32_t class_scope) {
  for (uint32_t s = class_scope; s != PR_NONE && m->scopes[s].kind != PR_SCOPE_MODULE; s = m->scopes[s].parent) {
    if (m->scopes[s].kind != PR_SCOPE_CLASS) return false;
    if (m->scopes[s].name && m->scopes[s].name[0] == '_') return false;
  }
  return true;
}

/* ---------- own names ---------- */

/* The scope an own-name binding is flagged in (a function for its parameters
 * and locals, the defining scope for a function's name), or PR_NONE when the
 * binding is not an own name by its kind and place. */
static uint32_t nam001_own_scope(const pr_model *m, const pr_binding *b) {
  const pr_scope *sc = &m->scopes[b->scope];
  const pr_symbol *sym = &m->symbols[b->symbol];
  switch (b->kind) {
  case PR_BIND_FUNCTION:
    return b->scope;
  case PR_BIND_PARAMETER:
    return (b->flags & PR_BF_FIRST_PARAM) ? PR_NONE : b->scope;
  case PR_BIND_ASSIGN:
  case PR_BIND_AUGASSIGN:
  case PR_BIND_ANNASSIGN:
  case PR_BIND_ANNOTATION:
  case PR_BIND_WALRUS:
  case PR_BIND_FOR:
  case PR_BIND_WITH:
  case PR_BIND_EXCEPT:
    if (sym->declared_global || sym->declared_nonlocal) return PR_NONE;
    if (sc->kind == PR_SCOPE_FUNCTION || sc->kind == PR_SCOPE_LAMBDA) return b->scope;
    if (sc->kind == PR_SCOPE_COMPREHENSION) {
      /* a comprehension's target is a local of the function around it (not of a class body) */
      uint32_t s = b->scope;
      while (s != PR_NONE && m->scopes[s].kind == PR_SCOPE_COMPREHENSION) s = m->scopes[s].parent;
      if (s != PR_NONE && (m->scopes[s].kind == PR_SCOPE_FUNCTION || m->scopes[s].kind == PR_SCOPE_LAMBDA)) return s;
    }
    return PR_NONE;
  default:
    return PR_NONE;
  }
}

/* Appends code point c to buf (UTF-8) when it fits. */
static void nam001_put_cp(char *buf, size_t cap, size_t *o, uint32_t c) {
  char tmp[4];
  size_t len;
  if (c < 0x80) { tmp[0] = (char)c; len = 1; }
  else if (c < 0x800) { tmp[0] = (char)(0xC0 | (c >> 6)); tmp[1] = (char)(0x80 | (c & 0x3F)); len = 2; }
  else if (c < 0x10000) {
    tmp[0] = (char)(0xE0 | (c >> 12)); tmp[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    tmp[2] = (char)(0x80 | (c & 0x3F)); len = 3;
  } else {
    tmp[0] = (char)(0xF0 | (c >> 18)); tmp[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    tmp[2] = (char)(0x80 | ((c >> 6) & 0x3F)); tmp[3] = (char)(0x80 | (c & 0x3F)); len = 4;
  }
  if (*o + len + 1 > cap) return;
  memcpy(buf + *o, tmp, len);
  *o += len;
}

/* Writes `name` converted to `style` into buf (leading/trailing `_` kept). */
static void nam001_convert(const char *s, uint32_t n, int style, char *buf, size_t cap) {
  size_t o = 0;
  uint32_t lead = 0, trail = 0;
  while (lead < n && s[lead] == '_') lead++;
  while (trail < n - lead && s[n - 1 - trail] == '_') trail++;
  for (uint32_t i = 0; i < lead && o + 1 < cap; i++) buf[o++] = '_';
  bool up = false;
  uint32_t end = n - trail, prev = 0;
  for (uint32_t i = lead; i < end;) {
    uint32_t c = nam001_next(s, end, &i);
    if (style == NAM001_SNAKE) {
      if (nam001_case(c) == 2) {
        uint32_t j = i, next = i < end ? nam001_next(s, end, &j) : 0;
        bool prev_lower = prev && (nam001_case(prev) == 1 || (prev >= '0' && prev <= '9'));
        bool acronym_end = prev && nam001_case(prev) == 2 && next && nam001_case(next) == 1;
        if (prev_lower || acronym_end) nam001_put_cp(buf, cap, &o, '_');
        nam001_put_cp(buf, cap, &o, nam001_recase(c, false));
      } else {
        nam001_put_cp(buf, cap, &o, c);
      }
    } else {
      if (c == '_') { up = true; prev = c; continue; }
      nam001_put_cp(buf, cap, &o, up ? nam001_recase(c, true) : c);
      up = false;
    }
    prev = c;
  }
  for (uint32_t i = 0; i < trail && o + 1 < cap; i++) buf[o++] = '_';
  buf[o] = 0;
}

/* The walk's part: the file's imports, and its own names (the first binding
 * of each name in each flag scope) with their style and exemptions. */
enum { NAM001_INDEX = (1u << 30) - 1 };

static void nam001_collect(pr_ctx *ctx) {
  const pr_model *m = ctx->model;
  if (!m->binding_count || m->binding_count > NAM001_INDEX) return;
  nam001_map firsts = {0};   /* (flag scope, name) -> binding */
  nam001_classes plain = {.star_import = false, .imported = pr_ctx_alloc(ctx, m->scope_count)};
  nam001_classes star = {.star_import = true, .imported = pr_ctx_alloc(ctx, m->scope_count)};
  if (!plain.imported || !star.imported) return;
  for (uint32_t i = 0; i < m->binding_count; i++) {
    const pr_binding *b = &m->bindings[i];
    if (b->kind == PR_BIND_IMPORT) {
      uint32_t s = ts_node_start_byte(b->node), e = ts_node_end_byte(b->node);
      nam001_fact(ctx, NAM001_FACT_IMPORTED, s, e, b->name, b->name_len, 0, PR_NONE);
      if (b->qualified) {
        const char *q = b->qualified, *dot = strrchr(q, '.');
        const char *last = dot ? dot + 1 : q;
        nam001_fact(ctx, NAM001_FACT_IMPORTED, s, e, last, (uint32_t)strlen(last), 0, PR_NONE);
      }
      continue;
    }
    uint32_t scope = nam001_own_scope(m, b);
    if (scope == PR_NONE) continue;
    int style = nam001_style(b->name, b->name_len);
    if (style == NAM001_NONE || pr_hook_kind(b->name, b->name_len) != PR_HOOK_NONE) continue;
    bool added;
    /* the value: the binding, and its style in the top two bits */
    nam001_entry *e = nam001_put(ctx, &firsts, scope, b->name, b->name_len, i | (uint32_t)style << 30, &added);
    if (!e) return;
    if (!added && ts_node_start_byte(b->node) < ts_node_start_byte(m->bindings[e->value & NAM001_INDEX].node))
      e->value = i | (uint32_t)style << 30;
  }
  for (uint32_t i = 0; i < firsts.cap; i++) {
    const nam001_entry *e = &firsts.slots[i];
    if (!e->name) continue;
    const pr_binding *b = &m->bindings[e->value & NAM001_INDEX];
    int style = (int)(e->value >> 30);
    uint32_t value = (uint32_t)style;
    /* a public method (catalog: Public functions) that is not snake_case, in a
       class with an imported base, presumably overrides that base's API; whether
       the file has a wildcard import is known only over the whole file */
    if (b->kind == PR_BIND_FUNCTION && m->scopes[b->scope].kind == PR_SCOPE_CLASS && b->name[0] != '_' &&
        style != NAM001_SNAKE && nam001_public_class(m, b->scope)) {
      if (nam001_class_has_imported_base(ctx, &plain, b->scope)) value |= NAM001_OVERRIDES;
      if (nam001_class_has_imported_base(ctx, &star, b->scope)) value |= NAM001_OVERRIDES_STAR;
    }
    if (b->kind == PR_BIND_PARAMETER && style == NAM001_SNAKE && pr_function_is_public(m, b->scope))
      value |= NAM001_NEVER_FLAGGED;
    nam001_fact(ctx, NAM001_FACT_OWN, ts_node_start_byte(b->node), ts_node_end_byte(b->node), b->name, b->name_len,
                value, ts_node_start_byte(m->scopes[e->scope].node));
  }
}

/* The verdict over the whole file's facts (sorted by position). */
static void nam001_check(pr_ctx *ctx, const pr_fact *facts, uint32_t count) {
  nam001_map inherited = {0};  /* scope 0: imported and called names */
  bool star_import = false;
  uint32_t own = 0;
  for (uint32_t i = 0; i < count; i++) own += facts[i].tag == NAM001_FACT_OWN;
  nam001_map styles = {0};   /* scope 0: name -> style */
  if (!nam001_reserve(ctx, &inherited, count - own) || !nam001_reserve(ctx, &styles, own)) return;
  for (uint32_t i = 0; i < count; i++) {
    const pr_fact *f = &facts[i];
    if (f->tag == NAM001_FACT_STAR) star_import = true;
    else if (f->tag == NAM001_FACT_IMPORTED || f->tag == NAM001_FACT_CALLED)
      if (!nam001_put(ctx, &inherited, 0, f->text, f->text_len, 1, NULL)) return;
  }
  uint32_t count_of[3] = {0, 0, 0};
  uint32_t example[3] = {PR_NONE, PR_NONE, PR_NONE};
  /* counted: an own fact not inherited nor overriding, for the second pass */
  uint8_t *counted = pr_ctx_alloc(ctx, count ? count : 1);
  if (!counted) return;
  for (uint32_t i = 0; i < count; i++) {
    const pr_fact *f = &facts[i];
    if (f->tag != NAM001_FACT_OWN) continue;
    int style = (int)(f->value & 3);
    uint32_t h0 = (uint32_t)pr_name_hash(0, f->text, f->text_len);  /* both maps of scope 0 */
    if (nam001_find_hashed(&inherited, 0, f->text, f->text_len, h0)) continue;
    if (f->value & (star_import ? NAM001_OVERRIDES_STAR : NAM001_OVERRIDES)) continue;
    bool added;
    if (!nam001_put_hashed(ctx, &styles, 0, f->text, f->text_len, h0, (uint32_t)style, &added)) return;
    if (added) count_of[style]++;
    if (example[style] == PR_NONE) example[style] = i;  /* facts come in document order */
    counted[i] = 1;
  }
  if (count_of[NAM001_SNAKE] == count_of[NAM001_CAMEL]) return;
  int dominant = count_of[NAM001_SNAKE] > count_of[NAM001_CAMEL] ? NAM001_SNAKE : NAM001_CAMEL;
  int minority = dominant == NAM001_SNAKE ? NAM001_CAMEL : NAM001_SNAKE;
  if (!count_of[minority] || example[dominant] == PR_NONE) return;
  /* (flag scope, name) -> its first fact, for the minority's names only: a
     file's names are mostly of the dominant style */
  nam001_map firsts = {0};
  if (!nam001_reserve(ctx, &firsts, count_of[minority])) return;
  for (uint32_t i = 0; i < count; i++)
    if (counted[i] && (int)(facts[i].value & 3) == minority &&
        !nam001_put(ctx, &firsts, facts[i].ref[0], facts[i].text, facts[i].text_len, i, NULL))
      return;
  const pr_fact *ex = &facts[example[dominant]];
  const char *ex_name = ex->text;  /* fact texts are NUL-terminated copies */
  for (uint32_t i = 0; i < firsts.cap; i++) {
    const nam001_entry *e = &firsts.slots[i];
    if (!e->name) continue;
    const pr_fact *f = &facts[e->value];
    if ((int)(f->value & 3) != minority || (f->value & NAM001_NEVER_FLAGGED)) continue;
    const char *name = f->text;
    char suggestion[256];
    nam001_convert(f->text, f->text_len, dominant, suggestion, sizeof suggestion);
    pr_finding *r = pr_report_bytes(ctx, f->start, f->end,
                                    "`%s` is %s but this module mostly uses %s (e.g. `%s`); rename it to `%s`", name,
                                    nam001_style_name(minority), nam001_style_name(dominant), ex_name, suggestion);
    pr_finding_add_related_bytes(ctx, r, ex->start, ex->end, "`%s` is %s", ex_name, nam001_style_name(dominant));
  }
}

const pr_rule pr_rule_nam001 = {
  .code = "NAM001",
  .name = "inconsistent-naming",
  .category = "Naming",
  .severity = PR_SEV_INFORMATION,
  .cwe = 0,
  .tags = 0,
  .flags = 0,
  .summary = "A name in the module's minority naming style",
  .doc = pr_doc_nam001,
  .kinds = {pr_kind_call, pr_kind_import_from_statement},
  .on_node = nam001_on_node,
  .on_file_end = nam001_collect,
  .on_facts = nam001_check,
};
