/* DED002 unused-import: an imported name never referenced in its scope.
 *
 * ## What it does
 * Flags each name that an `import` or `from ... import` statement binds (at
 * module level or in a function) when nothing in its scope, or in a scope
 * nested in it, reads it. A use inside a string annotation (`x: "Path"`,
 * `-> "Optional[Order]"`) counts, wherever it is. Not flagged: every import
 * of an `__init__.py`, names listed in `__all__`, `from __future__` imports,
 * explicit re-exports (`import x as x`, `from m import y as y`),
 * `import *`, the unittest hooks a module imports for the loader to find
 * (`setUpModule`, `tearDownModule`, `load_tests`), and module-level names
 * imported under their own name from a private module (`from _ssl import
 * RAND_status`: a facade re-exporting them), imports whose statement carries flake8's
 * `# noqa: F401` (the author's mark of a deliberate re-export), nor the module-level imports of a compatibility
 * module (a file name containing `compat`) or of a facade module
 * (more than half of its statements are imports and more than half of its
 * imported names, at least 5, are unused: its imports are its API). An import in a `try` body and the import of the same
 * name in
 * its `except ImportError` handler are one import, reported once; an import
 * in the body of a `try` that catches `ImportError` (with no other import
 * of the name in its handler), and never used, is
 * there for its effect or to probe for the module (`try: import
 * sitecustomize`) and is not flagged.
 *
 * ## Why is this bad?
 * An unused import costs a reader a search for where it is used, slows
 * start-up, and can hide a real mistake: the code meant to use it and uses
 * something else instead.
 *
 * ## Example
 * ```python
 * import json, re
 *
 * def words(text):
 *     return text.split()
 * ```
 *
 * ## Use instead
 * ```python
 * def words(text):
 *     return text.split()
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"
#include "statements.h"

#include <string.h>

/* A name read in a string annotation (the first part of a dotted name). */
typedef struct ded002_word {
  uint32_t at;
  const char *name;
  uint32_t len;
} ded002_word;

typedef struct ded002_state {
  ded002_word *words;
  uint32_t count, cap;
  uint32_t scanned_end;  /* the end of the last annotation read: those nested in it come after it */
} ded002_state;

static bool ded002_ident_start(unsigned char c) { return c == '_' || c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
static bool ded002_ident_char(unsigned char c) { return ded002_ident_start(c) || (c >= '0' && c <= '9'); }

/* Records the names a string annotation's content reads. */
static void ded002_scan_string(pr_ctx *ctx, ded002_state *st, TSNode str) {
  pr_children it;
  TSNode c;
  for (pr_children_start(&it, str); pr_children_next(&it, &c);) {
    if (pr_node_kind(c) != pr_kind_string_content) continue;
    uint32_t len, start = ts_node_start_byte(c);
    const char *s = pr_text(ctx, c, &len);
    for (uint32_t j = 0; j < len;) {
      if (!ded002_ident_start((unsigned char)s[j]) || (j > 0 && (s[j - 1] == '.' || ded002_ident_char((unsigned char)s[j - 1])))) {
        j++;
        continue;
      }
      uint32_t k = j;
      while (k < len && ded002_ident_char((unsigned char)s[k])) k++;
      if (st->count == st->cap) {
        uint32_t cap = st->cap ? st->cap * 2 : 16;
        ded002_word *w = pr_ctx_alloc(ctx, cap * sizeof *w);
        if (!w) { pr_children_end(&it); return; }
        if (st->count) memcpy(w, st->words, st->count * sizeof *w);
        st->words = w;
        st->cap = cap;
      }
      st->words[st->count++] = (ded002_word){.at = start + j, .name = s + j, .len = k - j};
      pr_fact fact = {.start = start + j, .end = start + k, .ref = {PR_NONE, PR_NONE}, .tag = 1, .text = s + j,
                      .text_len = k - j};
      pr_add_fact(ctx, &fact);
      j = k;
    }
  }
  pr_children_end(&it);
}

/* An annotation (`type` node): the strings in it, at any depth. A cursor
 * walk: an annotation may be any size (tree-sitter's recovery can hang an
 * ERROR node of thousands of children under one), and reading children by
 * index costs their number each. */
static void ded002_on_node(pr_ctx *ctx, TSNode type) {
  ded002_state *st = pr_rule_state(ctx, sizeof *st);
  if (!st || ts_node_end_byte(type) <= st->scanned_end) return;
  st->scanned_end = ts_node_end_byte(type);
  TSTreeCursor cur = ts_tree_cursor_new(type);
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    bool string = pr_node_kind(n) == pr_kind_string;
    if (string) ded002_scan_string(ctx, st, n);
    if (!string && ts_tree_cursor_goto_first_child(&cur)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cur))
      if (!ts_tree_cursor_goto_parent(&cur)) goto done;
  }
done:
  ts_tree_cursor_delete(&cur);
}

static bool ded002_is_init(const pr_ctx *ctx) {
  const char *p = ctx->path ? ctx->path : "";
  size_t n = strlen(p);
  return n >= 11 && !strcmp(p + n - 11, "__init__.py") && (n == 11 || p[n - 12] == '/' || p[n - 12] == '\\');
}

/* The statement's item (dotted_name or aliased_import) holding the bound name. */
static TSNode ded002_item(const pr_binding *b) {
  uint32_t at = ts_node_start_byte(b->node);
  uint32_t n = ts_node_named_child_count(b->statement);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(b->statement, i);
    if (ts_node_start_byte(c) <= at && at < ts_node_end_byte(c) &&
        (pr_node_kind(c) == pr_kind_dotted_name || pr_node_kind(c) == pr_kind_aliased_import))
      return c;
  }
  return b->node;
}

/* True when a string of `__all__`'s module-level value names `name`. */
static bool ded002_in_all(const pr_ctx *ctx, const pr_binding *b) {
  const pr_model *m = ctx->model;
  uint32_t sym = pr_model_symbol(m, 0, "__all__", 7);
  if (sym == PR_NONE) return false;
  for (uint32_t i = m->symbols[sym].first; i != PR_NONE; i = m->bindings[i].next) {
    TSNode st = m->bindings[i].statement;
    if (ts_node_is_null(st)) continue;
    TSNode value = pr_child(st, pr_field_right);
    if (ts_node_is_null(value)) continue;
    /* every string content under the value, however long the list (one
       cursor pass: `__all__` may name hundreds) */
    TSTreeCursor cur = ts_tree_cursor_new(value);
    bool found = false;
    for (bool more = true; more && !found;) {
      TSNode n = ts_tree_cursor_current_node(&cur);
      found = pr_node_kind(n) == pr_kind_string_content && pr_text_is(ctx, n, b->name);
      if (ts_tree_cursor_goto_first_child(&cur)) continue;
      while (!(more = ts_tree_cursor_goto_next_sibling(&cur)))
        if (!ts_tree_cursor_goto_parent(&cur)) break;
    }
    ts_tree_cursor_delete(&cur);
    if (found) return true;
  }
  return false;
}

static bool ded002_used_in_annotation(const ded002_state *st, const pr_binding *b, uint32_t from, uint32_t to) {
  if (!st) return false;
  for (uint32_t i = 0; i < st->count; i++)
    if (st->words[i].at >= from && st->words[i].at < to && st->words[i].len == b->name_len &&
        !memcmp(st->words[i].name, b->name, b->name_len))
      return true;
  return false;
}

/* True when a handler of `try_stmt` names ImportError or ModuleNotFoundError. */
static bool ded002_catches_import_error(const pr_ctx *ctx, TSNode try_stmt) {
  uint32_t n = ts_node_named_child_count(try_stmt);
  for (uint32_t i = 0; i < n; i++) {
    TSNode h = ts_node_named_child(try_stmt, i);
    if (pr_node_kind(h) != pr_kind_except_clause) continue;
    uint32_t len;
    const char *t = pr_text(ctx, h, &len);
    uint32_t head = len;
    for (uint32_t k = 0; k < len; k++)
      if (t[k] == ':') { head = k; break; }
    for (uint32_t k = 0; k + 11 <= head; k++)
      if (!memcmp(t + k, "ImportError", 11) || (k + 19 <= head && !memcmp(t + k, "ModuleNotFoundError", 19)))
        return true;
  }
  return false;
}

/* True when a comment on the lines of `stmt` says `noqa: ... F401`. */
static bool ded002_marked_f401(const pr_ctx *ctx, TSNode stmt) {
  const char *t = ctx->text;
  uint32_t s = ts_node_start_byte(stmt), e = ts_node_end_byte(stmt);
  while (s > 0 && t[s - 1] != '\n' && t[s - 1] != '\r') s--;
  while (e < ctx->len && t[e] != '\n' && t[e] != '\r') e++;
  for (uint32_t i = s; i + 4 <= e; i++) {
    if (t[i] != '#') continue;
    uint32_t j = i + 1;
    while (j < e && t[j] == ' ') j++;
    if (j + 4 > e || (t[j] | 0x20) != 'n' || (t[j + 1] | 0x20) != 'o' || (t[j + 2] | 0x20) != 'q' ||
        (t[j + 3] | 0x20) != 'a')
      continue;
    for (uint32_t k = j + 4; k + 4 <= e && t[k] != '\n' && t[k] != '\r'; k++)
      if ((t[k] | 0x20) == 'f' && t[k + 1] == '4' && t[k + 2] == '0' && t[k + 3] == '1') return true;
  }
  return false;
}

/* True when binding i is an unused import DED002 reports (string annotations aside). */
static bool ded002_candidate(const pr_ctx *ctx, uint32_t i) {
  const pr_model *m = ctx->model;
  const pr_binding *b = &m->bindings[i];
  if (b->kind != PR_BIND_IMPORT || !b->name_len) return false;
  if (pr_node_kind(b->statement) == pr_kind_future_import_statement) return false;
  const pr_symbol *sym = &m->symbols[b->symbol];
  if (sym->used || sym->declared_global || sym->declared_nonlocal) return false;
  if (ts_node_has_error(b->statement)) return false;
  TSNode item = ded002_item(b);
  if (pr_node_kind(item) == pr_kind_aliased_import) {
    TSNode name = pr_child(item, pr_field_name);
    if (pr_text_is(ctx, name, b->name)) return false;  /* import x as x: a re-export */
  }
  /* `# noqa: F401` on the statement's lines: the author marked a deliberate re-export for flake8 */
  if (ded002_marked_f401(ctx, b->statement)) return false;
  /* unittest finds these by name in the module: the import is their use */
  static const char *const hooks[] = {"setUpModule", "tearDownModule", "load_tests", NULL};
  for (int k = 0; hooks[k]; k++)
    if (!strcmp(b->name, hooks[k])) return false;
  /* a module-level facade: a name from a private module (`from _ssl import
     RAND_status`, `from ._bootstrap import BuiltinImporter`) is re-exported
     under its own name (`Set as _Set` is not a re-export) */
  if (b->scope == 0 && (b->flags & PR_BF_IMPORT_FROM) && !(b->flags & PR_BF_IMPORT_ALIAS)) {
    TSNode mod = pr_child(b->statement, pr_field_module_name);
    uint32_t ml;
    const char *ms = pr_text(ctx, mod, &ml);
    uint32_t k = ml;
    while (k > 0 && ms[k - 1] != '.') k--;
    if (k < ml && ms[k] == '_') return false;
  }
  /* try: import x / except ImportError: import y as x: one import, reported at the first */
  TSNode block = ts_node_parent(b->statement), handler = ts_node_parent(block);
  /* `try: import sitecustomize` / `except ImportError:`: imported for its effect or to probe it */
  if (pr_node_kind(block) == pr_kind_block && pr_node_kind(handler) == pr_kind_try_statement &&
      ts_node_eq(pr_child(handler, pr_field_body), block) && ded002_catches_import_error(ctx, handler)) {
    /* unless a handler imports the same name instead: the catalog's one import */
    bool fallback = false;
    uint32_t hs = ts_node_end_byte(block), he = ts_node_end_byte(handler);
    for (uint32_t j = sym->first; j != PR_NONE && !fallback; j = m->bindings[j].next) {
      uint32_t at = ts_node_start_byte(m->bindings[j].node);
      fallback = m->bindings[j].kind == PR_BIND_IMPORT && at >= hs && at < he;
    }
    if (!fallback) return false;
  }
  if (pr_node_kind(block) == pr_kind_block && pr_node_kind(handler) == pr_kind_except_clause) {
    uint32_t hl;
    const char *ht = pr_text(ctx, handler, &hl);
    uint32_t head = (uint32_t)(ts_node_start_byte(block) - ts_node_start_byte(handler));
    bool import_error = false;
    for (uint32_t k = 0; k + 11 <= head && !import_error; k++)
      import_error = !memcmp(ht + k, "ImportError", 11) || (k + 19 <= head && !memcmp(ht + k, "ModuleNotFoundError", 19));
    TSNode try_stmt = ts_node_parent(handler);
    for (uint32_t j = sym->first; import_error && j != PR_NONE && j != i; j = m->bindings[j].next) {
      if (m->bindings[j].kind != PR_BIND_IMPORT) continue;
      TSNode body = ts_node_parent(m->bindings[j].statement);
      if (ts_node_eq(body, pr_child(try_stmt, pr_field_body))) return false;
    }
  }
  return true;
}

static void ded002_report(pr_ctx *ctx, uint32_t i, bool whole_statement) {
  const pr_binding *b = &ctx->model->bindings[i];
  TSNode item = ded002_item(b);
  char name[512];
  uint32_t len = pr_import_item_text(ctx, item, name, sizeof name);
  const char *s = name;
  if (!len) s = pr_text(ctx, item, &len);
  pr_finding *f = pr_report(ctx, item, "`%.*s` is imported but never used; remove the import", (int)len, s);
  if (!f) return;
  /* `try: import a as x` / `except ImportError: import b as x`: removing one
     import leaves the other; no fix for the pair */
  const pr_model *m = ctx->model;
  for (uint32_t j = m->symbols[b->symbol].first; j != PR_NONE; j = m->bindings[j].next)
    if (j != i && m->bindings[j].kind == PR_BIND_IMPORT) return;
  if (whole_statement) {
    pr_finding_set_fix(ctx, f, "Remove the import statement");
    pr_fix_delete_statement(ctx, f, b->statement);
    return;
  }
  /* one name of several: with the comma after it, or before it when it is the last */
  TSNode stmt = b->statement, prev = {0};
  uint32_t n = ts_node_child_count(stmt);
  for (uint32_t k = 0; k < n; k++) {
    TSNode c = ts_node_child(stmt, k);
    if (!ts_node_eq(c, item)) {
      if (pr_node_kind(c) == pr_kind_dotted_name || pr_node_kind(c) == pr_kind_aliased_import) prev = c;
      continue;
    }
    TSNode next = k + 1 < n ? ts_node_child(stmt, k + 1) : (TSNode){0};
    pr_finding_set_fix(ctx, f, "Remove `%.*s` from the import", (int)len, s);
    if (!ts_node_is_null(next) && !strcmp(ts_node_type(next), ",")) {
      TSNode after = k + 2 < n ? ts_node_child(stmt, k + 2) : (TSNode){0};
      uint32_t end = ts_node_is_null(after) ? ts_node_end_byte(next) : ts_node_start_byte(after);
      if (!ts_node_is_null(after) && pr_node_kind(after) == pr_kind_comment) end = ts_node_end_byte(next);
      pr_finding_add_edit(ctx, f, ts_node_start_byte(item), end, "", 0);
    } else if (!ts_node_is_null(prev)) {
      pr_finding_add_edit(ctx, f, ts_node_end_byte(prev), ts_node_end_byte(item), "", 0);
    }
    return;
  }
}

/* Reports the unused imports of the bindings [from, to) of scopes `module`
 * (true: the module's, false: every other scope's). Bindings of one statement
 * are consecutive. */
static void ded002_scan(pr_ctx *ctx, bool module, const pr_fact *facts, uint32_t fact_count) {
  const pr_model *m = ctx->model;
  ded002_state *st = ctx->state;
  for (uint32_t i = 0; i < m->binding_count;) {
    const pr_binding *b = &m->bindings[i];
    if (b->kind != PR_BIND_IMPORT || (b->scope == 0) != module) { i++; continue; }
    uint32_t end = i;
    uint32_t items = 0, flagged = 0;
    bool flag[256];
    while (end < m->binding_count && m->bindings[end].kind == PR_BIND_IMPORT &&
           ts_node_eq(m->bindings[end].statement, b->statement) && end - i < 256) {
      const pr_binding *e = &m->bindings[end];
      bool f = ded002_candidate(ctx, end) && !ded002_in_all(ctx, e);
      if (f && module) {
        for (uint32_t k = 0; k < fact_count && f; k++)
          if (facts[k].text_len == e->name_len && !memcmp(facts[k].text, e->name, e->name_len)) f = false;
      } else if (f) {
        TSNode scope_node = m->scopes[e->scope].node;
        f = !ded002_used_in_annotation(st, e, ts_node_start_byte(scope_node), ts_node_end_byte(scope_node));
      }
      flag[end - i] = f;
      flagged += f;
      items++;
      end++;
    }
    for (uint32_t k = i; k < end; k++)
      if (flag[k - i]) ded002_report(ctx, k, flagged == items);
    i = end;
  }
}

static void ded002_check_locals(pr_ctx *ctx) {
  if (ded002_is_init(ctx)) return;
  ded002_scan(ctx, false, NULL, 0);
}

/* A compatibility module (`compat.py`, `_compat.py`, `py3compat.py`) exists to re-export. */
static bool ded002_compat(const pr_ctx *ctx) {
  const char *p = ctx->path ? ctx->path : "";
  const char *base = p;
  for (const char *c = p; *c; c++)
    if (*c == '/' || *c == '\\') base = c + 1;
  return strstr(base, "compat") != NULL;
}

/* A re-export facade: more than half of the module's statements are imports
 * and more than half of its imported names are never used (sqlalchemy's
 * `types.py`, `sql/expression.py`): its imports are its API. */
static bool ded002_facade(const pr_ctx *ctx) {
  const pr_model *m = ctx->model;
  uint32_t imports = 0, others = 0, names = 0, unused = 0;
  const TSNode *kids;
  uint32_t n = pr_block_children(ctx, ctx->root, &kids);
  for (uint32_t i = 0; i < n && n != PR_NONE; i++) {
    pr_kind k = pr_node_kind(kids[i]);
    if (k == pr_kind_comment) continue;
    if (k == pr_kind_import_statement || k == pr_kind_import_from_statement || k == pr_kind_future_import_statement)
      imports++;
    else
      others++;
  }
  if (imports <= others) return false;
  for (uint32_t i = 0; i < m->binding_count; i++) {
    const pr_binding *b = &m->bindings[i];
    if (b->kind != PR_BIND_IMPORT || b->scope != 0) continue;
    names++;
    unused += !m->symbols[b->symbol].used;
  }
  return unused * 2 > names && unused >= 5;
}

static void ded002_check_module(pr_ctx *ctx, const pr_fact *facts, uint32_t count) {
  if (ded002_is_init(ctx) || ded002_compat(ctx) || ded002_facade(ctx)) return;
  ded002_scan(ctx, true, facts, count);
}

const pr_rule pr_rule_ded002 = {
  .code = "DED002",
  .name = "unused-import",
  .category = "Dead code",
  .severity = PR_SEV_WARNING,
  .cwe = 0,
  .tags = PR_TAG_UNNECESSARY,
  .flags = 0,
  .summary = "An imported name never used",
  .doc = pr_doc_ded002,
  .kinds = {pr_kind_type},
  .on_node = ded002_on_node,
  .on_file_end = ded002_check_locals,
  .on_facts = ded002_check_module,
};
