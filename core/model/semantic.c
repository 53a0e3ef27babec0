/* semantic.c - scopes, bindings, references and name resolution; see semantic.h. */
#include "semantic.h"

#include <stdlib.h>
#include <string.h>

static bool pr_model__grow(pr_model *m, void **arr, uint32_t *cap, uint32_t need, size_t elem) {
  if (need <= *cap) return true;
  uint32_t c = *cap ? *cap * 2 : 64;
  while (c < need) c *= 2;
  void *p = realloc(*arr, (size_t)c * elem);
  if (!p) { m->out_of_memory = true; return false; }
  *arr = p;
  *cap = c;
  return true;
}

uint64_t pr_name_hash(uint32_t scope, const char *s, uint32_t n) {
  const uint64_t k = 0x9E3779B97F4A7C15ull;
  uint64_t h = ((uint64_t)scope << 32 ^ n) * k;
  uint32_t i = 0;
  for (; i + 8 <= n; i += 8) {  /* a word at a time: names are mostly 6-30 bytes */
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = (h ^ w) * k;
  }
  for (; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001B3ull;
  h ^= h >> 29;
  return h ^ (h >> 32);
}

void pr_model_init(pr_model *m, pr_arena *arena, const char *text) {
  memset(m, 0, sizeof *m);
  m->arena = arena;
  m->text = text;
}

static bool pr_model__rehash(pr_model *m, uint32_t cap);

bool pr_model_reserve(pr_model *m, uint32_t scopes, uint32_t bindings, uint32_t symbols, uint32_t references) {
  uint32_t table = 256;
  while (table < symbols * 2 + 2) table *= 2;
  return pr_model__grow(m, (void **)&m->scopes, &m->scope_cap, scopes, sizeof *m->scopes) &&
         pr_model__grow(m, (void **)&m->bindings, &m->binding_cap, bindings, sizeof *m->bindings) &&
         pr_model__grow(m, (void **)&m->symbols, &m->symbol_cap, symbols, sizeof *m->symbols) &&
         pr_model__grow(m, (void **)&m->references, &m->reference_cap, references, sizeof *m->references) &&
         (table <= m->table_cap || pr_model__rehash(m, table));
}

void pr_model_free(pr_model *m) {
  free(m->scopes);
  free(m->bindings);
  free(m->symbols);
  free(m->references);
  free(m->table);
  memset(m, 0, sizeof *m);
}

uint32_t pr_model_add_scope(pr_model *m, pr_scope_kind kind, TSNode node, uint32_t parent, const char *name,
                            uint32_t name_len) {
  if (!pr_model__grow(m, (void **)&m->scopes, &m->scope_cap, m->scope_count + 1, sizeof *m->scopes))
    return PR_NONE;
  pr_scope *s = &m->scopes[m->scope_count];
  memset(s, 0, sizeof *s);
  s->kind = kind;
  s->node = node;
  s->parent = parent;
  s->name = pr_arena_strndup(m->arena, name ? name : "", name ? name_len : 0);
  if (!s->name) { m->out_of_memory = true; return PR_NONE; }
  if (parent != PR_NONE) s->in_test_class = m->scopes[parent].in_test_class;
  return m->scope_count++;
}

static bool pr_model__rehash(pr_model *m, uint32_t cap) {
  uint32_t *t = malloc((size_t)cap * sizeof *t);
  if (!t) { m->out_of_memory = true; return false; }
  memset(t, 0xFF, (size_t)cap * sizeof *t);
  for (uint32_t i = 0; i < m->symbol_count; i++) {
    const pr_symbol *sym = &m->symbols[i];
    uint32_t h = (uint32_t)pr_name_hash(sym->scope, sym->name, sym->name_len) & (cap - 1);
    while (t[h] != PR_NONE) h = (h + 1) & (cap - 1);
    t[h] = i;
  }
  free(m->table);
  m->table = t;
  m->table_cap = cap;
  return true;
}

uint32_t pr_model_symbol(const pr_model *m, uint32_t scope, const char *name, uint32_t len) {
  if (!m->table_cap) return PR_NONE;
  uint32_t h = (uint32_t)pr_name_hash(scope, name, len) & (m->table_cap - 1);
  for (;;) {
    uint32_t id = m->table[h];
    if (id == PR_NONE) return PR_NONE;
    const pr_symbol *sym = &m->symbols[id];
    if (sym->scope == scope && sym->name_len == len && memcmp(sym->name, name, len) == 0) return id;
    h = (h + 1) & (m->table_cap - 1);
  }
}

static uint32_t pr_model__intern(pr_model *m, uint32_t scope, const char *name, uint32_t len) {
  uint32_t id = pr_model_symbol(m, scope, name, len);
  if (id != PR_NONE) return id;
  if ((m->symbol_count + 1) * 2 > m->table_cap &&
      !pr_model__rehash(m, m->table_cap ? m->table_cap * 2 : 256))
    return PR_NONE;
  if (!pr_model__grow(m, (void **)&m->symbols, &m->symbol_cap, m->symbol_count + 1, sizeof *m->symbols))
    return PR_NONE;
  char *copy = pr_arena_strndup(m->arena, name, len);
  if (!copy) { m->out_of_memory = true; return PR_NONE; }
  id = m->symbol_count++;
  pr_symbol *sym = &m->symbols[id];
  memset(sym, 0, sizeof *sym);
  sym->name = copy;
  sym->name_len = len;
  sym->scope = scope;
  sym->first = sym->last = PR_NONE;
  uint32_t h = (uint32_t)pr_name_hash(scope, name, len) & (m->table_cap - 1);
  while (m->table[h] != PR_NONE) h = (h + 1) & (m->table_cap - 1);
  m->table[h] = id;
  return id;
}

uint32_t pr_model_add_binding(pr_model *m, uint32_t scope, TSNode name_node, const char *name, uint32_t len,
                              pr_binding_kind kind, uint32_t flags, TSNode statement, TSNode value) {
  uint32_t sid = pr_model__intern(m, scope, name, len);
  if (sid == PR_NONE) return PR_NONE;
  /* after `global x` (which Python requires before any use), `x = ...` binds the
     module's x: record it there, so every rule sees the module name rebound */
  if (kind != PR_BIND_GLOBAL && kind != PR_BIND_NONLOCAL && scope != 0 && m->symbols[sid].declared_global) {
    scope = 0;
    flags |= PR_BF_VIA_GLOBAL;
    sid = pr_model__intern(m, 0, name, len);
    if (sid == PR_NONE) return PR_NONE;
  }
  if (!pr_model__grow(m, (void **)&m->bindings, &m->binding_cap, m->binding_count + 1, sizeof *m->bindings))
    return PR_NONE;
  uint32_t id = m->binding_count++;
  pr_binding *b = &m->bindings[id];
  pr_symbol *sym = &m->symbols[sid];
  memset(b, 0, sizeof *b);
  b->name = sym->name;
  b->name_len = len;
  b->kind = kind;
  b->flags = flags;
  b->scope = scope;
  b->symbol = sid;
  b->node = name_node;
  b->statement = statement;
  b->value = value;
  b->next = PR_NONE;
  if (kind == PR_BIND_GLOBAL) { sym->declared_global = true; return id; }
  if (kind == PR_BIND_NONLOCAL) { sym->declared_nonlocal = true; m->nonlocal_count++; return id; }
  if (kind != PR_BIND_ANNOTATION) sym->count++;
  if (sym->last != PR_NONE) m->bindings[sym->last].next = id;
  else sym->first = id;
  sym->last = id;
  return id;
}

void pr_model_add_reference(pr_model *m, uint32_t scope, TSNode node) {
  if (!pr_model__grow(m, (void **)&m->references, &m->reference_cap, m->reference_count + 1,
                      sizeof *m->references))
    return;
  pr_reference *r = &m->references[m->reference_count++];
  r->scope = scope;
  r->symbol = PR_NONE;
  r->node = node;
}

uint32_t pr_model_function_of(const pr_model *m, uint32_t scope) {
  while (scope != PR_NONE) {
    pr_scope_kind k = m->scopes[scope].kind;
    if (k == PR_SCOPE_FUNCTION || k == PR_SCOPE_LAMBDA) return scope;
    scope = m->scopes[scope].parent;
  }
  return PR_NONE;
}

uint32_t pr_model_scope_of_node(const pr_model *m, TSNode node) {
  uint32_t at = ts_node_start_byte(node), lo = 0, hi = m->scope_count;
  while (lo < hi) {  /* the first scope starting at or after `at` */
    uint32_t mid = lo + (hi - lo) / 2;
    if (ts_node_start_byte(m->scopes[mid].node) < at) lo = mid + 1;
    else hi = mid;
  }
  for (uint32_t i = lo; i < m->scope_count && ts_node_start_byte(m->scopes[i].node) == at; i++)
    if (ts_node_eq(m->scopes[i].node, node)) return i;
  if (m->scope_count && ts_node_eq(m->scopes[0].node, node)) return 0;
  return PR_NONE;
}

TSNode pr_model_decorated(const pr_model *m, TSNode definition) {
  uint32_t id = pr_model_scope_of_node(m, definition);
  return id == PR_NONE ? (TSNode){0} : m->scopes[id].decorated;
}

/* The symbol a read of `name` in `scope` refers to, Python's way, or PR_NONE. */
static uint32_t pr_model__resolve_symbol(const pr_model *m, uint32_t scope, const char *name, uint32_t len) {
  uint32_t s = scope;
  bool first = true;
  while (s != PR_NONE) {
    const pr_scope *sc = &m->scopes[s];
    /* class bodies are visible only to code directly in them */
    if (first || sc->kind != PR_SCOPE_CLASS) {
      uint32_t sid = pr_model_symbol(m, s, name, len);
      if (sid != PR_NONE) {
        const pr_symbol *sym = &m->symbols[sid];
        if (sym->declared_global) return pr_model_symbol(m, 0, name, len);
        if (!sym->declared_nonlocal && sym->count > 0) return sid;
      }
    }
    first = false;
    s = sc->parent;
  }
  return PR_NONE;
}

uint32_t pr_model_resolve(const pr_model *m, uint32_t scope, const char *name, uint32_t len, uint32_t at) {
  uint32_t sid = pr_model__resolve_symbol(m, scope, name, len);
  if (sid == PR_NONE) return PR_NONE;
  const pr_symbol *sym = &m->symbols[sid];
  /* at module level, or in a class body executed at module level: the nearest binding above */
  uint32_t s = scope;
  while (s != PR_NONE && m->scopes[s].kind == PR_SCOPE_CLASS) s = m->scopes[s].parent;
  bool executes_now = (s == 0 || s == PR_NONE) && sym->scope == 0;
  uint32_t best = PR_NONE;
  for (uint32_t b = sym->first; b != PR_NONE; b = m->bindings[b].next) {
    const pr_binding *bd = &m->bindings[b];
    if (bd->kind == PR_BIND_ANNOTATION) continue;
    if (executes_now && ts_node_start_byte(bd->node) >= at) break;
    best = b;
  }
  if (best == PR_NONE && !executes_now) best = sym->last;
  return best;
}

void pr_model_finish(pr_model *m) {
  for (uint32_t i = 0; i < m->reference_count; i++) {
    pr_reference *r = &m->references[i];
    uint32_t s = ts_node_start_byte(r->node), e = ts_node_end_byte(r->node);
    uint32_t sid = pr_model__resolve_symbol(m, r->scope, m->text + s, e - s);
    r->symbol = sid;
    if (sid == PR_NONE) continue;
    pr_symbol *sym = &m->symbols[sid];
    sym->used = true;
    if (r->scope != sym->scope) {
      sym->read_nested = true;
    } else {
      if (!sym->read_here || s > sym->last_read) sym->last_read = s;
      sym->read_here = true;
    }
  }
  /* `nonlocal x` in a nested function uses the enclosing function's x */
  for (uint32_t i = 0; i < m->binding_count; i++) {
    const pr_binding *b = &m->bindings[i];
    if (b->kind != PR_BIND_NONLOCAL) continue;
    uint32_t parent = m->scopes[b->scope].parent;
    uint32_t sid = parent == PR_NONE ? PR_NONE : pr_model__resolve_symbol(m, parent, b->name, b->name_len);
    if (sid != PR_NONE) m->symbols[sid].used = true;
  }
  for (uint32_t i = 0; i < m->binding_count; i++)
    if (m->symbols[m->bindings[i].symbol].used) m->bindings[i].flags |= PR_BF_USED;
}
