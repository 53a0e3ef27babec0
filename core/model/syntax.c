/* syntax.c - grammar symbols to pr_kind / pr_field; see syntax.h. */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

const TSLanguage *tree_sitter_python(void);

static const char *const pr_kind_names[pr_kind_count] = {
  [pr_kind_other] = "",
#define PR_KIND_NAME(name) [pr_kind_##name] = #name,
  PR_KINDS(PR_KIND_NAME)
#undef PR_KIND_NAME
};

static const char *const pr_field_names[pr_field_count] = {
  [pr_field_none] = "",
#define PR_FIELD_NAME(name) [pr_field_##name] = #name,
  PR_FIELDS(PR_FIELD_NAME)
#undef PR_FIELD_NAME
};

static struct {
  bool ready;
  const TSLanguage *language;
  uint8_t *kind_of_symbol;  /* indexed by TSSymbol */
  uint32_t symbol_count;
  TSFieldId field_ids[pr_field_count];
} pr_syntax;

void pr_syntax_init(void) {
  if (pr_syntax.ready) return;
  const TSLanguage *lang = tree_sitter_python();
  uint32_t n = ts_language_symbol_count(lang);
  static uint8_t table[4096];
  _Static_assert(pr_kind_count < 256, "pr_kind must fit a byte");
  uint8_t *map = n <= sizeof table ? table : NULL;
  if (!map) abort(); /* the grammar has ~270 symbols; a grammar 15x larger is our bug */
  for (uint32_t s = 0; s < n; s++) {
    map[s] = pr_kind_other;
    if (ts_language_symbol_type(lang, (TSSymbol)s) != TSSymbolTypeRegular) continue;
    const char *name = ts_language_symbol_name(lang, (TSSymbol)s);
    for (int k = 1; k < pr_kind_count; k++)
      if (strcmp(name, pr_kind_names[k]) == 0) { map[s] = (uint8_t)k; break; }
  }
  /* ERROR is ts_builtin_sym_error (65535), outside the table: handled in pr_kind_of_symbol */
  for (int f = 1; f < pr_field_count; f++)
    pr_syntax.field_ids[f] = ts_language_field_id_for_name(lang, pr_field_names[f],
                                                           (uint32_t)strlen(pr_field_names[f]));
  pr_syntax.language = lang;
  pr_syntax.kind_of_symbol = map;
  pr_syntax.symbol_count = n;
  pr_syntax.ready = true;
}

const TSLanguage *pr_language(void) {
  pr_syntax_init();
  return pr_syntax.language;
}

TSParser *pr_parser_new(void) {
  pr_syntax_init();
  TSParser *p = ts_parser_new();
  if (!p) return NULL;
  if (!ts_parser_set_language(p, pr_syntax.language)) {
    ts_parser_delete(p);
    return NULL;
  }
  return p;
}

pr_kind pr_kind_of_symbol(TSSymbol symbol) {
  if (symbol == (TSSymbol)-1) return pr_kind_ERROR;
  if (symbol >= pr_syntax.symbol_count) return pr_kind_other;
  return (pr_kind)pr_syntax.kind_of_symbol[symbol];
}

pr_kind pr_node_kind(TSNode node) {
  if (ts_node_is_null(node)) return pr_kind_other;
  return pr_kind_of_symbol(ts_node_symbol(node));
}

TSFieldId pr_field_id(pr_field field) { return pr_syntax.field_ids[field]; }

/* A review asks for the same field of the same node many times (a call's
 * `function`, once per rule that looks at calls), and each answer costs a walk
 * over the node's children in tree-sitter. While a review runs on this thread
 * (pr_child_memo_begin), the answers are kept in a small direct-mapped table;
 * its entries carry the review's generation, so nothing outlives the trees it
 * came from. */
enum { PR_CHILD_MEMO = 1024 };  /* entries; a power of two */
typedef struct pr_child_slot {
  const void *id, *tree;
  uint32_t start, gen;
  uint32_t field;
  TSNode child;
} pr_child_slot;
static _Thread_local struct {
  uint32_t gen, depth;
  pr_child_slot slots[PR_CHILD_MEMO];
} pr_child_memo;

void pr_child_memo_begin(void) {
  if (pr_child_memo.depth++ == 0) pr_child_memo.gen++;
}

void pr_child_memo_end(void) {
  if (pr_child_memo.depth) pr_child_memo.depth--;
}

TSNode pr_child(TSNode node, pr_field field) {
  if (!pr_child_memo.depth) return ts_node_child_by_field_id(node, pr_syntax.field_ids[field]);
  uint64_t h = ((uint64_t)(uintptr_t)node.id ^ ((uint64_t)field << 48)) * 0x9E3779B97F4A7C15ull;
  pr_child_slot *s = &pr_child_memo.slots[(h >> 50) & (PR_CHILD_MEMO - 1)];
  if (s->gen == pr_child_memo.gen && s->id == node.id && s->tree == (const void *)node.tree &&
      s->start == node.context[0] && s->field == (uint32_t)field)
    return s->child;
  TSNode child = ts_node_child_by_field_id(node, pr_syntax.field_ids[field]);
  *s = (pr_child_slot){node.id, node.tree, node.context[0], pr_child_memo.gen, (uint32_t)field, child};
  return child;
}

/* Up to this many named children, ts_node_named_child(i) costs less than a
 * cursor's allocation and steps. */
enum { PR_CHILDREN_SHORT = 32 };

void pr_children_start(pr_children *it, TSNode node) {
  it->node = node;
  it->next = 0;
  it->count = ts_node_is_null(node) ? 0 : ts_node_named_child_count(node);
  it->cursor_live = false;
}

bool pr_children_next(pr_children *it, TSNode *child) {
  if (it->next >= it->count) return false;
  if (it->count <= PR_CHILDREN_SHORT) {
    *child = ts_node_named_child(it->node, it->next++);
    return true;
  }
  bool moved;
  if (!it->cursor_live) {
    it->cursor = ts_tree_cursor_new(it->node);
    it->cursor_live = true;
    moved = ts_tree_cursor_goto_first_child(&it->cursor);
  } else {
    moved = ts_tree_cursor_goto_next_sibling(&it->cursor);
  }
  for (; moved; moved = ts_tree_cursor_goto_next_sibling(&it->cursor)) {
    TSNode c = ts_tree_cursor_current_node(&it->cursor);
    if (!ts_node_is_named(c)) continue;
    it->next++;
    *child = c;
    return true;
  }
  it->next = it->count;
  return false;
}

void pr_children_end(pr_children *it) {
  if (it->cursor_live) ts_tree_cursor_delete(&it->cursor);
  it->cursor_live = false;
}

const char *pr_kind_name(pr_kind kind) { return pr_kind_names[kind]; }

pr_kind pr_kind_from_name(const char *name) {
  for (int k = 1; k < pr_kind_count; k++)
    if (strcmp(name, pr_kind_names[k]) == 0) return (pr_kind)k;
  return pr_kind_other;
}

bool pr_node_text_is(const char *text, TSNode node, const char *s) {
  uint32_t len;
  const char *t = pr_node_text(text, node, &len);
  return strlen(s) == len && memcmp(t, s, len) == 0;
}

bool pr_kind_is_statement(pr_kind kind) {
  switch (kind) {
  case pr_kind_expression_statement: case pr_kind_function_definition:
  case pr_kind_class_definition: case pr_kind_decorated_definition: case pr_kind_if_statement:
  case pr_kind_for_statement: case pr_kind_while_statement: case pr_kind_try_statement:
  case pr_kind_with_statement: case pr_kind_match_statement: case pr_kind_return_statement:
  case pr_kind_raise_statement: case pr_kind_pass_statement: case pr_kind_break_statement:
  case pr_kind_continue_statement: case pr_kind_delete_statement: case pr_kind_global_statement:
  case pr_kind_nonlocal_statement: case pr_kind_assert_statement: case pr_kind_print_statement:
  case pr_kind_exec_statement: case pr_kind_import_statement: case pr_kind_import_from_statement:
  case pr_kind_future_import_statement: case pr_kind_type_alias_statement:
    return true;
  default:
    return false;
  }
}
