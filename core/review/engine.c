/* engine.c - the single walk, the semantic model's construction, rule dispatch
 * and the findings funnel; see engine.h and rule.h. */
#include "engine.h"

#include "incremental.h"
#include "names.h"
#include "structhash.h"
#include "options.h"
#include "statements.h"
#include "position.h"
#include "suppress.h"
#include "testcode.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How an identifier below a frame is used. */
typedef enum pr_use {
  PR_USE_LOAD,       /* read */
  PR_USE_STORE,      /* bound; the binding kind is in the frame */
  PR_USE_AUGSTORE,   /* read and bound (x += 1) */
  PR_USE_DEL,        /* read and unbound (del x) */
  PR_USE_PARAMS,     /* parameter names of the function in frame.inner */
  PR_USE_NONE,       /* not a name use: attribute names, keyword names, import paths */
} pr_use;

enum pr_frame_flags {
  PR_FF_IN_ERROR = 1u << 0,
  PR_FF_UNPACKED = 1u << 1,
  PR_FF_STARRED = 1u << 2,
  PR_FF_KWARGS = 1u << 3,
  PR_FF_CLASS_BODY = 1u << 4,  /* the block of a class definition */
};

typedef struct pr_frame {
  TSNode node;
  pr_kind kind;
  TSFieldId field;       /* the field the node sits in within its parent, when pr_engine__fields_bind says
                            the parent's fields matter; else 0 */
  uint8_t use;           /* pr_use for identifiers below */
  uint8_t bind_kind;     /* pr_binding_kind when use is STORE */
  uint32_t flags;        /* pr_frame_flags */
  uint32_t scope;        /* where names below are read and bound */
  uint32_t inner;        /* the scope this node opens, or the function whose parameters these are */
  uint32_t counter;      /* parameters: how many names bound so far */
  TSNode statement;      /* the binding statement for STORE uses */
  TSNode value;          /* the value of a single-name assignment */
  uint64_t sh;           /* structural hash so far (run->hash_statements) */
  uint32_t sh_target;    /* the frame its value folds into: itself when it is open, else its parent's */
  uint8_t sh_mode;       /* pr_sh_mode */
  uint32_t event;        /* the index of its event (rules look at it), or PR_NONE */
  uint32_t count_scope;  /* the function whose statement count its statement children add to, or PR_NONE */
} pr_frame;

/* A named child of a block or of the module whose event rules look at, in
 * walk order (pr_block_children). */
typedef struct pr_kid { uint32_t event; TSNode node; } pr_kid;

/* A statement's or block's structural hash, keyed by its place and kind. */
typedef struct pr_hash_entry { uint32_t start, end, kind; uint64_t hash; } pr_hash_entry;

typedef struct pr_event {
  TSNode node, parent;
  uint32_t scope, own_scope;
} pr_event;

typedef struct pr_span { uint32_t start, end; } pr_span;

/* A segment in this review (see incremental.h). */
enum { PR_SEG_WALKED = 1, PR_SEG_REUSED = 2 };
enum { PR_SEGF_PY2 = 1u << 0, PR_SEGF_GLOBAL = 1u << 1 };
typedef struct pr_seg_run {
  TSNode node;                    /* function_definition or decorated_definition */
  uint32_t start, end;            /* bytes */
  uint32_t trail;                 /* the line end just after it: 0, 1 or 2 bytes */
  uint64_t hash, context;         /* its text and that line end; what is around it */
  uint8_t state;
  uint8_t flags;
  bool has_error;
  pr_segment_result *kept;        /* PR_SEG_REUSED: the cache's result (the cache owns it) */
  uint32_t scope;                 /* the scope its def is read in */
  uint32_t ref_begin, ref_end;    /* its references in the model (walked) */
  uint32_t scope_begin, scope_end;  /* its scopes in the model (walked) */
} pr_seg_run;

typedef struct pr_comment_rec { uint32_t seg, start, len; } pr_comment_rec;
/* `outside`: recorded while a rule looked at code outside every segment (see
 * pr_engine__outside): recomputed on every review, never kept with a segment. */
typedef struct pr_fact_rec { uint32_t rule; pr_fact fact; bool outside; } pr_fact_rec;

/* A power of two, at least twice PR_MAX_RULES: pr_engine__rule_index's table. */
#define PR_ENGINE_RULE_SLOTS 256

/* Per-review state: everything the walk and the rules share. */
typedef struct pr_review_run {
  const char *text;
  uint32_t len;
  const pr_review_options *options;
  pr_arena *arena;
  pr_model model;
  pr_suppressions suppressions;
  pr_line_index own_lines;      /* built only when the caller passed no index */
  const pr_line_index *lines;
  bool python2;
  bool oom;

  pr_frame *frames; uint32_t frame_count, frame_cap;
  pr_event *events; uint32_t event_count, event_cap;
  /* the named children of blocks and the module with an event: recorded by the
     walk, then grouped by block (kids_first: per block event, kid_blocks: those
     events in walk order) */
  pr_kid *kids; uint32_t kid_count, kid_cap;
  TSNode *kid_nodes;
  uint32_t *kid_blocks, kid_block_count, *kid_first;
  pr_span *errors;  uint32_t error_count, error_cap;
  pr_finding **findings; uint32_t finding_count, finding_cap;

  /* dispatch: for each kind, the enabled rules subscribed to it */
  uint8_t subscribers[pr_kind_count][PR_MAX_RULES];
  uint8_t subscriber_count[pr_kind_count];
  const pr_rule *rules[PR_MAX_RULES];  /* the rules this review runs: enabled registered ones, then extras */
  uint32_t rule_count;
  void *states[PR_MAX_RULES];

  /* names of the file's test classes, for "a base that is a test class of the same file" */
  const char **test_classes; uint32_t test_class_count, test_class_cap;

  /* the incremental review (see incremental.h) */
  pr_review_cache *cache;         /* NULL: nothing is kept or reused */
  bool reuse;                     /* the cache's results may be reused (options and file keys match) */
  pr_seg_run *segs; uint32_t seg_count, seg_cap;  /* document order */
  uint32_t open_seg, open_depth;  /* the segment being walked (PR_NONE) and its frame */
  pr_comment_rec *comments; uint32_t comment_count, comment_cap;  /* comments of walked segments */
  pr_fact_rec *facts; uint32_t fact_count, fact_cap;
  uint32_t rule_slots[PR_ENGINE_RULE_SLOTS];  /* pr_engine__rule_index's table */
  uint32_t fact_total;  /* fresh and kept facts, before on_facts */
  /* the text the review walks, as [start, end) pairs without blank edges
     (pr_walked_text_has); computed when first asked */
  uint32_t *walked; uint32_t walked_count, walked_cap; bool walked_ready;
  /* each segment's parts of the rules' file keys, key_count per segment (pr_engine__file_keys) */
  pr_key_part *seg_parts; uint32_t key_count;
  uint32_t current_rule;          /* index into rules of the rule being run */
  TSNode current_node;            /* the node on_node is looking at; null outside on_node */
  uint32_t kept_findings;         /* findings[0..kept_findings) came from on_node/on_file_end */
  bool hash_statements;           /* a rule wants structural hashes: the walk computes them */
  pr_hash_entry *hashes; uint32_t hash_count, hash_cap;  /* open addressing, cap a power of two */
  bool test_code;                 /* a test file, or a test class somewhere: tests-only rules run */
  /* pr_engine__element_value: the target list last looked at and its display's elements (arena) */
  TSNode element_targets; TSNode *element_values; uint32_t element_count;
  /* pr_engine__deps' memos, by symbol and by class scope (0: not computed) */
  uint64_t *dep_symbols, *dep_classes; uint32_t dep_symbol_count;
} pr_review_run;

static void pr_engine__py2(pr_review_run *run) {
  run->python2 = true;
  if (run->open_seg != PR_NONE) run->segs[run->open_seg].flags |= PR_SEGF_PY2;
}

static bool pr_engine__grow(pr_review_run *run, void **arr, uint32_t *cap, uint32_t need, size_t elem) {
  if (need <= *cap) return true;
  uint32_t c = *cap ? *cap * 2 : 256;
  while (c < need) c *= 2;
  void *p = realloc(*arr, (size_t)c * elem);
  if (!p) { run->oom = true; return false; }
  *arr = p;
  *cap = c;
  return true;
}

/* The document's kept array for `slot` (incremental.h: pr_spare), when the
 * run has none yet: its capacity in elements of `elem` bytes. */
static void pr_engine__adopt(pr_review_run *run, int slot, void **arr, uint32_t *cap, size_t elem) {
  pr_spare *sp = run->cache ? &run->cache->spare[slot] : NULL;
  if (!sp || !sp->data || *arr) return;
  size_t n = sp->bytes / elem;
  *arr = sp->data;
  *cap = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
  *sp = (pr_spare){NULL, 0};
}

/* Gives an array back: the document keeps a large one for its next review,
 * a small one (or any, without a cache) is freed. */
static void pr_engine__give_back(pr_review_cache *cache, int slot, void *arr, size_t bytes) {
  if (!arr) return;
  if (!cache || bytes < cache->spare_min_bytes) { free(arr); return; }
  pr_spare *sp = &cache->spare[slot];
  if (sp->data && sp->bytes >= bytes) { free(arr); return; }
  free(sp->data);
  *sp = (pr_spare){arr, bytes};
}

/* A scratch buffer of at least `need` bytes: the document's kept one when
 * large enough; *got says its size (for pr_engine__give_back). */
static void *pr_engine__scratch(pr_review_cache *cache, int slot, size_t need, size_t *got) {
  if (need == 0) need = 1;
  pr_spare *sp = cache ? &cache->spare[slot] : NULL;
  if (sp && sp->data && sp->bytes >= need) {
    void *p = sp->data;
    *got = sp->bytes;
    *sp = (pr_spare){NULL, 0};
    return p;
  }
  *got = need;
  return malloc(need);
}

/* ---------- building the model ---------- */

static void pr_engine__bind(pr_review_run *run, const pr_frame *f, TSNode ident, pr_binding_kind kind,
                            uint32_t scope, uint32_t flags) {
  uint32_t s = ts_node_start_byte(ident), e = ts_node_end_byte(ident);
  pr_model_add_binding(&run->model, scope, ident, run->text + s, e - s, kind, flags, f->statement, f->value);
}

static uint32_t pr_engine__frame_bind_flags(const pr_frame *f) {
  uint32_t flags = 0;
  if (f->flags & PR_FF_UNPACKED) flags |= PR_BF_UNPACKED;
  if (f->flags & PR_FF_STARRED) flags |= PR_BF_STARRED;
  if (f->flags & PR_FF_KWARGS) flags |= PR_BF_KWARGS;
  return flags;
}

/* `:=` binds in the nearest enclosing scope that is not a comprehension (PEP 572). */
static uint32_t pr_engine__walrus_scope(const pr_review_run *run, uint32_t scope) {
  while (scope != PR_NONE && run->model.scopes[scope].kind == PR_SCOPE_COMPREHENSION)
    scope = run->model.scopes[scope].parent;
  return scope == PR_NONE ? 0 : scope;
}

static void pr_engine__identifier(pr_review_run *run, pr_frame *parent, const pr_frame *f) {
  if (f->flags & PR_FF_IN_ERROR) {
    pr_model_add_reference(&run->model, f->scope, f->node);
    return;
  }
  switch ((pr_use)f->use) {
  case PR_USE_LOAD:
    pr_model_add_reference(&run->model, f->scope, f->node);
    break;
  case PR_USE_STORE: {
    uint32_t scope = f->bind_kind == PR_BIND_WALRUS ? pr_engine__walrus_scope(run, f->scope) : f->scope;
    pr_engine__bind(run, f, f->node, (pr_binding_kind)f->bind_kind, scope, pr_engine__frame_bind_flags(f));
    break;
  }
  case PR_USE_AUGSTORE:
    pr_model_add_reference(&run->model, f->scope, f->node);
    pr_engine__bind(run, f, f->node, PR_BIND_AUGASSIGN, f->scope, 0);
    break;
  case PR_USE_DEL:
    pr_model_add_reference(&run->model, f->scope, f->node);
    pr_engine__bind(run, f, f->node, PR_BIND_DELETE, f->scope, 0);
    break;
  case PR_USE_PARAMS: {
    uint32_t flags = pr_engine__frame_bind_flags(f);
    /* the counter lives on the `parameters` frame, the nearest frame with PARAMS and inner */
    pr_frame *owner = parent;
    while (owner > run->frames && owner->kind != pr_kind_parameters && owner->kind != pr_kind_lambda_parameters)
      owner--;
    const pr_scope *fn = &run->model.scopes[f->inner];
    if (owner->counter++ == 0 && fn->is_method && !fn->is_static && !(flags & PR_BF_STARRED))
      flags |= PR_BF_FIRST_PARAM;
    pr_engine__bind(run, f, f->node, PR_BIND_PARAMETER, f->inner, flags);
    break;
  }
  case PR_USE_NONE:
    break;
  }
}

static bool pr_engine__is_test_class_name(const pr_review_run *run, const char *s, uint32_t n) {
  for (uint32_t i = 0; i < run->test_class_count; i++)
    if (strlen(run->test_classes[i]) == n && !memcmp(run->test_classes[i], s, n)) return true;
  return false;
}

/* True when the decorated_definition `parent` (or null) has a decorator whose last name part is `name`. */
static bool pr_engine__decorated_with(const pr_review_run *run, TSNode parent, uint32_t def_start,
                                      const char *name) {
  if (pr_node_kind(parent) != pr_kind_decorated_definition) return false;
  /* the decorators' text (up to the definition) must name it: a test
     module's decorated methods are mostly mocks and skips */
  const char *const needles[] = {name, NULL};
  if (!pr_text_may_mention(run->text, run->len, ts_node_start_byte(parent), def_start, needles)) return false;
  uint32_t n = ts_node_named_child_count(parent);
  for (uint32_t i = 0; i < n; i++) {
    TSNode d = ts_node_named_child(parent, i);
    if (pr_node_kind(d) != pr_kind_decorator) continue;
    TSNode e = ts_node_named_child(d, 0);
    if (pr_node_kind(e) == pr_kind_call) e = pr_child(e, pr_field_function);
    TSNode last = pr_last_name_part(e);
    if (!ts_node_is_null(last) && pr_node_text_is(run->text, last, name)) return true;
  }
  return false;
}

static void pr_engine__class(pr_review_run *run, pr_frame *f, const pr_frame *parent_frame) {
  TSNode name = pr_child(f->node, pr_field_name);
  uint32_t ns = ts_node_start_byte(name), ne = ts_node_end_byte(name);
  TSNode stmt = f->node;
  pr_frame tmp = *f;
  tmp.statement = stmt;
  tmp.value = (TSNode){0};
  if (!ts_node_is_null(name)) pr_engine__bind(run, &tmp, name, PR_BIND_CLASS, f->scope, 0);
  uint32_t id = pr_model_add_scope(&run->model, PR_SCOPE_CLASS, f->node, f->scope, run->text + ns, ne - ns);
  if (id == PR_NONE) { run->oom = true; return; }
  f->inner = id;
  if (parent_frame && parent_frame->kind == pr_kind_decorated_definition)
    run->model.scopes[id].decorated = parent_frame->node;
  bool test = run->options->test_file && pr_is_test_class_name(run->text + ns, ne - ns);
  TSNode bases = pr_child(f->node, pr_field_superclasses);
  uint32_t nb = ts_node_is_null(bases) ? 0 : ts_node_named_child_count(bases);
  for (uint32_t i = 0; i < nb && !test; i++) {
    TSNode last = pr_last_name_part(ts_node_named_child(bases, i));
    if (ts_node_is_null(last)) continue;
    uint32_t len;
    const char *s = pr_node_text(run->text, last, &len);
    test = pr_is_test_base_name(s, len) || pr_engine__is_test_class_name(run, s, len);
  }
  if (test) {
    run->model.scopes[id].is_test_class = true;
    run->model.scopes[id].in_test_class = true;
    if (pr_engine__grow(run, (void **)&run->test_classes, &run->test_class_cap, run->test_class_count + 1,
                        sizeof *run->test_classes))
      run->test_classes[run->test_class_count++] = run->model.scopes[id].name;
  }
}

static void pr_engine__function(pr_review_run *run, pr_frame *f, const pr_frame *parent_frame) {
  TSNode name = pr_child(f->node, pr_field_name);
  uint32_t ns = ts_node_start_byte(name), ne = ts_node_end_byte(name);
  pr_frame tmp = *f;
  tmp.statement = f->node;
  tmp.value = (TSNode){0};
  if (!ts_node_is_null(name)) pr_engine__bind(run, &tmp, name, PR_BIND_FUNCTION, f->scope, 0);
  uint32_t id = pr_model_add_scope(&run->model, PR_SCOPE_FUNCTION, f->node, f->scope, run->text + ns, ne - ns);
  if (id == PR_NONE) { run->oom = true; return; }
  f->inner = id;
  pr_scope *sc = &run->model.scopes[id];
  if (parent_frame && parent_frame->kind == pr_kind_decorated_definition) sc->decorated = parent_frame->node;
  const pr_scope *parent = &run->model.scopes[f->scope];
  sc->is_method = parent->kind == PR_SCOPE_CLASS;
  uint32_t def_start = ts_node_start_byte(f->node);
  if (sc->is_method) sc->is_static = pr_engine__decorated_with(run, sc->decorated, def_start, "staticmethod");
  bool named_test = pr_is_test_function_name(run->text + ns, ne - ns);
  sc->is_test_function = named_test && ((f->scope == 0 && run->options->test_file) ||
                                        (sc->is_method && parent->is_test_class));
  /* a pytest fixture named test_* is not a test */
  if (sc->is_test_function && (pr_engine__decorated_with(run, sc->decorated, def_start, "fixture") ||
                               pr_engine__decorated_with(run, sc->decorated, def_start, "yield_fixture")))
    sc->is_test_function = false;
}

/* Bindings of an import statement; the names below are not references. */
static void pr_engine__import(pr_review_run *run, pr_frame *f) {
  bool from = f->kind == pr_kind_import_from_statement;
  char module[512] = "";
  uint32_t mlen = 0;
  if (from) {
    TSNode m = pr_child(f->node, pr_field_module_name);
    const char *s = pr_node_text(run->text, m, &mlen);
    if (mlen >= sizeof module) mlen = sizeof module - 1;
    memcpy(module, s, mlen);
    module[mlen] = 0;
  }
  uint32_t n = ts_node_named_child_count(f->node);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(f->node, i);
    pr_kind k = pr_node_kind(c);
    if (from && ts_node_eq(c, pr_child(f->node, pr_field_module_name))) continue;
    TSNode bound, path;
    uint32_t flags = from ? PR_BF_IMPORT_FROM : 0;
    if (k == pr_kind_aliased_import) {
      path = pr_child(c, pr_field_name);
      bound = pr_child(c, pr_field_alias);
      flags |= PR_BF_IMPORT_ALIAS;
    } else if (k == pr_kind_dotted_name) {
      path = c;
      bound = from ? c : ts_node_named_child(c, 0);  /* import a.b binds a */
    } else {
      continue;
    }
    if (ts_node_is_null(bound) || ts_node_is_null(path)) continue;
    uint32_t plen, blen;
    const char *p = pr_node_text(run->text, path, &plen);
    const char *b = pr_node_text(run->text, bound, &blen);
    char *q;
    if (from) q = pr_arena_printf(run->arena, "%s%s%.*s", module,
                                  (mlen && module[mlen - 1] == '.') ? "" : ".", (int)plen, p);
    else if (k == pr_kind_aliased_import) q = pr_arena_strndup(run->arena, p, plen);
    else q = pr_arena_strndup(run->arena, b, blen);
    uint32_t id = pr_model_add_binding(&run->model, f->scope, bound, b, blen, PR_BIND_IMPORT, flags,
                                       f->node, (TSNode){0});
    if (id != PR_NONE) run->model.bindings[id].qualified = q;
  }
}

static void pr_engine__declare(pr_review_run *run, pr_frame *f, pr_binding_kind kind) {
  uint32_t n = ts_node_named_child_count(f->node);
  pr_frame tmp = *f;
  tmp.statement = f->node;
  tmp.value = (TSNode){0};
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(f->node, i);
    if (pr_node_kind(c) == pr_kind_identifier) pr_engine__bind(run, &tmp, c, kind, f->scope, 0);
  }
}

static bool pr_engine__is_comprehension(pr_kind k) {
  return k == pr_kind_list_comprehension || k == pr_kind_set_comprehension ||
         k == pr_kind_dictionary_comprehension || k == pr_kind_generator_expression;
}

/* `(x)` in a target: tree-sitter reads it as a one-element tuple pattern, but
 * without a comma it is a parenthesised name, not unpacking. */
static bool pr_engine__parenthesised_name(TSNode n) {
  pr_kind k = pr_node_kind(n);
  if ((k != pr_kind_tuple_pattern && k != pr_kind_tuple) || ts_node_named_child_count(n) != 1) return false;
  uint32_t count = ts_node_child_count(n);
  for (uint32_t i = 0; i < count; i++) {
    TSNode c = ts_node_child(n, i);
    if (!ts_node_is_named(c) && !strcmp(ts_node_type(c), ",")) return false;
  }
  return true;
}

static bool pr_engine__is_target_container(pr_kind k) {
  return k == pr_kind_pattern_list || k == pr_kind_tuple_pattern || k == pr_kind_list_pattern ||
         k == pr_kind_tuple || k == pr_kind_list || k == pr_kind_expression_list;
}

/* In `a, b = "x", f()` each name directly in the target list is bound to its
 * element of a display of the same length (no starred parts): its value, for
 * the literal-value rules. `p` is the target list's frame; its counter numbers
 * the targets. Anything else has no value. The display's elements are listed
 * once per target list (run->element_*): reading element i with
 * ts_node_named_child steps over i siblings, and checking the whole display
 * for each target made `a0, ..., aN = 0, ..., N` cubic. */
static TSNode pr_engine__element_value(pr_review_run *run, pr_frame *p, pr_kind kind) {
  uint32_t index = p->counter++;
  const pr_frame *assign = p - 1;  /* frames are a stack: the target list's parent */
  if (kind != pr_kind_identifier || assign->kind != pr_kind_assignment || p->field != pr_field_id(pr_field_left))
    return (TSNode){0};
  if (!ts_node_eq(run->element_targets, p->node)) {
    run->element_targets = p->node;
    run->element_count = 0;
    TSNode right = pr_child(assign->node, pr_field_right);
    pr_kind rk = pr_node_kind(right);
    if (rk != pr_kind_expression_list && rk != pr_kind_tuple && rk != pr_kind_list) return (TSNode){0};
    uint32_t values = ts_node_named_child_count(right);
    if (ts_node_named_child_count(p->node) != values) return (TSNode){0};
    TSNode *out = values ? pr_arena_alloc(run->arena, values * sizeof *out) : NULL;
    if (!out) return (TSNode){0};
    pr_children it; TSNode c;
    bool plain = true;
    for (pr_children_start(&it, p->node); plain && pr_children_next(&it, &c);) {
      pr_kind t = pr_node_kind(c);
      plain = t != pr_kind_list_splat_pattern && t != pr_kind_comment;
    }
    pr_children_end(&it);
    uint32_t n = 0;
    for (pr_children_start(&it, right); plain && pr_children_next(&it, &c);) {
      pr_kind k = pr_node_kind(c);
      plain = k != pr_kind_list_splat && k != pr_kind_comment;
      out[n++] = c;
    }
    pr_children_end(&it);
    if (!plain) return (TSNode){0};
    run->element_values = out;
    run->element_count = n;
  }
  return index < run->element_count ? run->element_values[index] : (TSNode){0};
}

/* The parents whose children's fields pr_engine__child_frame reads (which
 * side of an assignment, a definition's name or body ...). Asking the cursor
 * for a field costs about 130 instructions a node, 1.7% of a batch review,
 * and no other parent needs it. */
static bool pr_engine__fields_bind(pr_kind parent) {
  switch (parent) {
  case pr_kind_assignment: case pr_kind_augmented_assignment: case pr_kind_named_expression:
  case pr_kind_for_statement: case pr_kind_for_in_clause: case pr_kind_as_pattern: case pr_kind_except_clause:
  case pr_kind_attribute: case pr_kind_keyword_argument: case pr_kind_function_definition: case pr_kind_lambda:
  case pr_kind_class_definition: case pr_kind_default_parameter: case pr_kind_typed_parameter:
  case pr_kind_typed_default_parameter:
    return true;
  default:
    return false;
  }
}

/* A Python 2 integer: a long (`10L`) or an octal with a leading zero
 * (`0777`). Zero written with more zeros (`00`, as in `datetime(2012, 11, 22,
 * 12, 00, 00)`) is Python 3 too. */
static bool pr_engine__python2_integer(const char *s, uint32_t n) {
  if (n > 0 && (s[n - 1] == 'l' || s[n - 1] == 'L')) return true;
  if (n < 2 || s[0] != '0' || s[1] < '0' || s[1] > '9') return false;
  for (uint32_t i = 1; i < n; i++)
    if (s[i] >= '1' && s[i] <= '9') return true;
  return false;
}

/* Where the spaces and tabs just before byte `at` begin. */
static uint32_t pr_engine__indent_start(const char *text, uint32_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) at--;
  return at;
}

/* True when a statement of the module starting at byte `start` is indented:
 * only spaces and tabs before it on its line, and the line before does not
 * end in a backslash. Python rejects that ("unexpected indent"); tree-sitter
 * builds it while recovering from an error above, when it cuts a class short
 * and hands the methods after the error to the module (an unclosed `(` in
 * one method of a 20,000-line test class made 330 methods module functions:
 * 134 "public function without a docstring" findings on test methods). So
 * it is read as an ERROR node is: its names are references, its findings
 * are dropped. */
static bool pr_engine__stranded(const char *text, uint32_t start) {
  uint32_t i = pr_engine__indent_start(text, start);
  if (i == start) return false;
  if (i == 0) return true;
  if (text[i - 1] != '\n' && text[i - 1] != '\r') return false;
  i--;
  if (text[i] == '\n' && i > 0 && text[i - 1] == '\r') i--;
  return i == 0 || text[i - 1] != '\\';
}

/* True when a statement of a class body starting at byte `start` is indented
 * deeper than the body's first statement: Python rejects that too
 * ("unexpected indent"). tree-sitter builds it when recovering from an error
 * in a method: the rest of the broken method's body lands in the class body,
 * still indented as a method's. Read as an ERROR node is (as a stranded
 * statement of the module), it binds no class attribute; it had bound five
 * in the Nova test class, so every one of its 1,300 methods, whose kept
 * results depend on the class's attributes, was reviewed again on each such
 * keystroke. Indentation is compared as text: the deeper line's whitespace
 * must extend the first statement's. */
static bool pr_engine__overindented(const char *text, TSNode body, uint32_t start) {
  if (!pr_engine__stranded(text, start)) return false;
  uint32_t first = start;
  for (uint32_t k = 0, n = ts_node_named_child_count(body); k < n; k++) {
    TSNode c = ts_node_named_child(body, k);
    if (pr_node_kind(c) == pr_kind_comment) continue;
    first = ts_node_start_byte(c);
    break;
  }
  if (first >= start || !pr_engine__stranded(text, first)) return false;
  uint32_t a = pr_engine__indent_start(text, first), b = pr_engine__indent_start(text, start);
  return start - b > first - a && memcmp(text + a, text + b, first - a) == 0;
}

/* The frame of a child, from its parent's frame and the field it sits in
 * (0 unless pr_engine__fields_bind(parent)). */
static void pr_engine__child_frame(pr_review_run *run, pr_frame *p, TSNode node, pr_kind kind,
                                   TSFieldId field, pr_frame *c) {
  *c = *p;
  c->node = node;
  c->kind = kind;
  c->field = field;
  c->inner = PR_NONE;
  c->counter = 0;
  c->event = PR_NONE;
  if (pr_kind_is_statement(kind) || kind == pr_kind_block) {
    c->use = PR_USE_LOAD;
    c->flags &= PR_FF_IN_ERROR;
    c->statement = node;
    c->value = (TSNode){0};
  }
  if (kind == pr_kind_ERROR) c->flags |= PR_FF_IN_ERROR;
  if (p->kind == pr_kind_module && kind != pr_kind_other && kind != pr_kind_comment &&
      pr_engine__stranded(run->text, ts_node_start_byte(node)))
    c->flags |= PR_FF_IN_ERROR;
  if (kind == pr_kind_block && p->kind == pr_kind_class_definition) c->flags |= PR_FF_CLASS_BODY;
  if (p->kind == pr_kind_block && (p->flags & PR_FF_CLASS_BODY) && kind != pr_kind_other &&
      kind != pr_kind_comment && pr_engine__overindented(run->text, p->node, ts_node_start_byte(node)))
    c->flags |= PR_FF_IN_ERROR;
#define F(name) (field && field == pr_field_id(pr_field_##name))
  switch (p->kind) {
  case pr_kind_assignment:
    if (F(left)) {
      c->use = PR_USE_STORE;
      TSNode right = pr_child(p->node, pr_field_right);
      bool typed = !ts_node_is_null(pr_child(p->node, pr_field_type));
      c->bind_kind = typed ? (ts_node_is_null(right) ? PR_BIND_ANNOTATION : PR_BIND_ANNASSIGN) : PR_BIND_ASSIGN;
      c->statement = p->node;
      c->value = kind == pr_kind_identifier || pr_engine__parenthesised_name(node) ? right : (TSNode){0};
    } else {
      c->use = PR_USE_LOAD;
    }
    break;
  case pr_kind_augmented_assignment:
    c->use = F(left) ? PR_USE_AUGSTORE : PR_USE_LOAD;
    c->statement = p->node;
    break;
  case pr_kind_named_expression:
    if (F(name)) {
      c->use = PR_USE_STORE;
      c->bind_kind = PR_BIND_WALRUS;
      c->statement = p->node;
      c->value = pr_child(p->node, pr_field_value);
    } else {
      c->use = PR_USE_LOAD;
    }
    break;
  case pr_kind_for_statement:
  case pr_kind_for_in_clause:
    if (F(left)) {
      c->use = PR_USE_STORE;
      c->bind_kind = PR_BIND_FOR;
      c->statement = p->node;
      c->value = (TSNode){0};
    } else if (F(right)) {
      c->use = PR_USE_LOAD;
      /* the first iterable of a comprehension is evaluated in the enclosing scope */
      if (p->kind == pr_kind_for_in_clause && p->counter == 1)
        c->scope = run->model.scopes[p->scope].parent;
    }
    break;
  case pr_kind_as_pattern:
    if (F(alias)) {
      TSNode holder = p[-1].node;  /* frames are a stack: the as_pattern's parent is just below */
      pr_kind hk = pr_node_kind(holder);
      c->use = PR_USE_STORE;
      bool handler = hk == pr_kind_except_clause || hk == pr_kind_except_group_clause;
      c->bind_kind = hk == pr_kind_with_item ? PR_BIND_WITH : handler ? PR_BIND_EXCEPT : PR_BIND_MATCH;
      c->statement = handler ? holder : p->statement;
      c->value = (TSNode){0};
    } else {
      c->use = PR_USE_LOAD;
    }
    break;
  case pr_kind_except_clause:
    if (F(alias)) {  /* Python 2: except E, e: */
      c->use = PR_USE_STORE;
      c->bind_kind = PR_BIND_EXCEPT;
      c->statement = p->node;
    } else if (F(value)) {
      c->use = PR_USE_LOAD;
    }
    break;
  case pr_kind_attribute:
    if (F(attribute)) c->use = PR_USE_NONE;
    else c->use = PR_USE_LOAD;
    c->flags &= ~(uint32_t)(PR_FF_UNPACKED | PR_FF_STARRED);
    break;
  case pr_kind_subscript:
  case pr_kind_slice:
    c->use = PR_USE_LOAD;
    break;
  case pr_kind_keyword_argument:
    c->use = F(name) ? PR_USE_NONE : PR_USE_LOAD;
    break;
  case pr_kind_function_definition:
    if (F(name)) c->use = PR_USE_NONE;
    else if (F(parameters)) { c->use = PR_USE_PARAMS; c->inner = p->inner; }
    else if (F(body)) { c->use = PR_USE_LOAD; c->scope = p->inner; }
    else if (F(return_type)) c->use = PR_USE_LOAD;
    else c->use = PR_USE_NONE;  /* type parameters */
    break;
  case pr_kind_lambda:
    if (F(parameters)) { c->use = PR_USE_PARAMS; c->inner = p->inner; }
    else { c->use = PR_USE_LOAD; c->scope = p->inner; }
    break;
  case pr_kind_class_definition:
    if (F(body)) { c->use = PR_USE_LOAD; c->scope = p->inner; }
    else if (F(name)) c->use = PR_USE_NONE;
    else if (F(superclasses)) c->use = PR_USE_LOAD;
    else c->use = PR_USE_NONE;
    break;
  case pr_kind_parameters:
  case pr_kind_lambda_parameters:
    c->inner = p->inner;
    c->flags &= PR_FF_IN_ERROR;
    break;
  case pr_kind_default_parameter:
  case pr_kind_typed_parameter:
  case pr_kind_typed_default_parameter:
    if (F(value) || F(type)) { c->use = PR_USE_LOAD; c->inner = PR_NONE; }
    else c->inner = p->inner;
    break;
  case pr_kind_list_splat_pattern:
  case pr_kind_dictionary_splat_pattern:
    c->inner = p->inner;
    if (p->use == PR_USE_PARAMS)
      c->flags |= p->kind == pr_kind_dictionary_splat_pattern ? (PR_FF_STARRED | PR_FF_KWARGS) : PR_FF_STARRED;
    else
      c->flags |= PR_FF_STARRED;
    break;
  case pr_kind_list_splat:
    if (p->use == PR_USE_STORE) c->flags |= PR_FF_STARRED;
    break;
  case pr_kind_import_statement:
  case pr_kind_import_from_statement:
  case pr_kind_future_import_statement:
  case pr_kind_global_statement:
  case pr_kind_nonlocal_statement:
  case pr_kind_print_statement:  /* `print >>f, x`: its children are read */
    c->use = (p->kind == pr_kind_print_statement) ? PR_USE_LOAD : PR_USE_NONE;
    break;
  case pr_kind_delete_statement:
    c->use = PR_USE_DEL;
    break;
  case pr_kind_case_pattern:
    /* captures are not tracked as bindings yet: reading them keeps names "used" */
    c->use = PR_USE_LOAD;
    break;
  default:
    if (pr_engine__is_target_container(p->kind) && (p->use == PR_USE_STORE)) {
      if (!pr_engine__parenthesised_name(p->node)) {
        c->flags |= PR_FF_UNPACKED;
        c->value = (TSNode){0};
        if (ts_node_is_named(node) && kind != pr_kind_comment) c->value = pr_engine__element_value(run, p, kind);
      }
    } else if (pr_engine__is_comprehension(p->kind)) {
      c->scope = p->inner;
    }
    break;
  }
#undef F
  /* inside an ERROR node no function, lambda or comprehension opens its
     scope: what they read is read where they stand (else those reads, a
     module's only use of an import, were lost) */
  if (c->scope == PR_NONE) c->scope = p->scope;
  if (p->use == PR_USE_PARAMS && c->use == PR_USE_PARAMS && c->inner == PR_NONE) c->inner = p->inner;
  /* the catalog's statement count of each function (statements.h:
     pr_statement_count), kept as the walk goes so rules need not walk a
     body again: a statement counts for the function whose body reaches it
     through blocks, compound statements and their clauses only */
  uint32_t credit = p->kind == pr_kind_function_definition && field && field == pr_field_id(pr_field_body)
                        ? p->inner
                        : p->count_scope;
  c->count_scope = PR_NONE;
  if (credit != PR_NONE && credit < run->model.scope_count) {
    if (pr_kind_is_statement(kind)) run->model.scopes[credit].statements++;
    if (pr_statement_count_descends(kind)) c->count_scope = credit;
  }
}

/* Findings inside it are dropped (pr_engine__add); spans come in document order. */
static void pr_engine__error_span(pr_review_run *run, TSNode node) {
  if (pr_engine__grow(run, (void **)&run->errors, &run->error_cap, run->error_count + 1, sizeof *run->errors))
    run->errors[run->error_count++] = (pr_span){ts_node_start_byte(node), ts_node_end_byte(node)};
}

/* Work done when the walk enters a node (its frame is already on the stack). */
static void pr_engine__enter(pr_review_run *run, pr_frame *f, pr_frame *parent) {
  if (f->flags & PR_FF_IN_ERROR) {
    if (f->kind == pr_kind_identifier) pr_engine__identifier(run, parent, f);
    /* the outermost ERROR node, or a stranded statement of the module */
    if ((f->kind == pr_kind_ERROR || (parent && parent->kind == pr_kind_module)) &&
        !(parent && (parent->flags & PR_FF_IN_ERROR)))
      pr_engine__error_span(run, f->node);
    if (f->kind == pr_kind_comment) goto comment;
    return;
  }
  switch (f->kind) {
  case pr_kind_identifier:
    pr_engine__identifier(run, parent, f);
    return;
  case pr_kind_function_definition:
    pr_engine__function(run, f, parent);
    break;
  case pr_kind_class_definition:
    pr_engine__class(run, f, parent);
    break;
  case pr_kind_lambda:
    f->inner = pr_model_add_scope(&run->model, PR_SCOPE_LAMBDA, f->node, f->scope, "", 0);
    break;
  case pr_kind_list_comprehension:
  case pr_kind_set_comprehension:
  case pr_kind_dictionary_comprehension:
  case pr_kind_generator_expression:
    f->inner = pr_model_add_scope(&run->model, PR_SCOPE_COMPREHENSION, f->node, f->scope, "", 0);
    break;
  case pr_kind_import_statement:
  case pr_kind_import_from_statement:
    pr_engine__import(run, f);
    break;
  case pr_kind_global_statement:
    pr_engine__declare(run, f, PR_BIND_GLOBAL);
    if (run->open_seg != PR_NONE) run->segs[run->open_seg].flags |= PR_SEGF_GLOBAL;
    break;
  case pr_kind_nonlocal_statement:
    pr_engine__declare(run, f, PR_BIND_NONLOCAL);
    break;
  case pr_kind_for_in_clause:
    if (parent && pr_engine__is_comprehension(parent->kind)) f->counter = ++parent->counter;
    break;
  case pr_kind_call: {
    /* only `locals()` and `vars()` matter here, and a call starts with its
       function's text: the field lookups (costly) only for those */
    uint32_t n;
    const char *head = pr_node_text(run->text, f->node, &n);
    if (!((n > 6 && !memcmp(head, "locals", 6)) || (n > 4 && !memcmp(head, "vars", 4)))) break;
    TSNode fn = pr_child(f->node, pr_field_function);
    TSNode args = pr_child(f->node, pr_field_arguments);
    bool no_args = pr_node_kind(args) == pr_kind_argument_list && ts_node_named_child_count(args) == 0;
    if (pr_node_kind(fn) == pr_kind_identifier &&
        (pr_node_text_is(run->text, fn, "locals") || (no_args && pr_node_text_is(run->text, fn, "vars")))) {
      uint32_t s = pr_model_function_of(&run->model, f->scope);
      if (s != PR_NONE) run->model.scopes[s].calls_locals = true;
    }
    break;
  }
  case pr_kind_print_statement:
  case pr_kind_exec_statement:
    pr_engine__py2(run);
    break;
  case pr_kind_integer: {
    uint32_t n;
    const char *s = pr_node_text(run->text, f->node, &n);
    if (pr_engine__python2_integer(s, n)) pr_engine__py2(run);
    break;
  }
  case pr_kind_string_start: {
    uint32_t n;
    const char *s = pr_node_text(run->text, f->node, &n);
    if (n >= 2 && (s[0] == 'u' || s[0] == 'U') && (s[1] == 'r' || s[1] == 'R')) pr_engine__py2(run);
    break;
  }
  case pr_kind_comment:
    goto comment;
  case pr_kind_other:
    if (parent && (parent->kind == pr_kind_comparison_operator || parent->kind == pr_kind_except_clause ||
                   parent->kind == pr_kind_raise_statement)) {
      const char *t = ts_node_type(f->node);
      if (!strcmp(t, "<>") || !strcmp(t, ",") || !strcmp(t, "`")) pr_engine__py2(run);
    }
    return;
  default:
    break;
  }
  if (run->subscriber_count[f->kind]) {
    if (!pr_engine__grow(run, (void **)&run->events, &run->event_cap, run->event_count + 1, sizeof *run->events))
      return;
    f->event = run->event_count;
    pr_event *e = &run->events[run->event_count++];
    e->node = f->node;
    e->parent = parent ? parent->node : (TSNode){0};
    e->scope = f->scope;
    e->own_scope = f->inner;
  }
  return;
comment: {
  uint32_t n;
  const char *s = pr_node_text(run->text, f->node, &n);
  /* most comments hold no directive: one pass decides (no line lookup) */
  if (!pr_suppressions_relevant(s, n)) return;
  pr_suppressions_add(&run->suppressions, s, n, pr_line_index_row(run->lines, ts_node_start_byte(f->node)),
                      ts_node_start_byte(f->node));
  if (run->open_seg != PR_NONE &&
      pr_engine__grow(run, (void **)&run->comments, &run->comment_cap, run->comment_count + 1, sizeof *run->comments))
    run->comments[run->comment_count++] = (pr_comment_rec){run->open_seg, ts_node_start_byte(f->node), n};
}
}

/* A segment whose results are reused: only its name is bound, where it is defined. */
static void pr_engine__reuse_segment(pr_review_run *run, const pr_frame *f) {
  TSNode fn = f->node;
  if (pr_node_kind(fn) == pr_kind_decorated_definition) fn = pr_child(fn, pr_field_definition);
  TSNode name = pr_child(fn, pr_field_name);
  if (!ts_node_is_null(name)) {
    pr_frame tmp = *f;
    tmp.statement = fn;
    tmp.value = (TSNode){0};
    pr_engine__bind(run, &tmp, name, PR_BIND_FUNCTION, f->scope, 0);
  }
}

static void pr_engine__close_segment(pr_review_run *run) {
  pr_seg_run *sr = &run->segs[run->open_seg];
  sr->ref_end = run->model.reference_count;
  sr->scope_end = run->model.scope_count;
  run->open_seg = PR_NONE;
}

/* True when f is a stranded def: a def (or a decorated def) of the module
 * that is indented, read as an ERROR node is (pr_engine__stranded). */
static bool pr_engine__stranded_def(const pr_frame *parent, const pr_frame *f) {
  return (f->flags & PR_FF_IN_ERROR) && parent && parent->kind == pr_kind_module &&
         !(parent->flags & PR_FF_IN_ERROR) &&
         (f->kind == pr_kind_function_definition || f->kind == pr_kind_decorated_definition);
}

/* True when f is a segment: a def (or a decorated def) read in the module or a
 * class body, outside ERROR nodes and outside another segment. A stranded def
 * is one too: when tree-sitter cuts a class short at an error, the methods
 * after it stay stranded at every keystroke until the error is mended (300 in
 * the Nova test module), and walking them all again each time cost more than
 * the rest of the review. Its walk reads names and comments only; those are
 * kept like any segment's, under a context of their own. */
static bool pr_engine__is_segment(const pr_review_run *run, const pr_frame *parent, const pr_frame *f) {
  if (!run->cache || run->open_seg != PR_NONE) return false;
  if ((f->flags & PR_FF_IN_ERROR) && !pr_engine__stranded_def(parent, f)) return false;
  if (f->kind == pr_kind_decorated_definition) {
    if (pr_node_kind(pr_child(f->node, pr_field_definition)) != pr_kind_function_definition) return false;
  } else if (f->kind != pr_kind_function_definition || (parent && parent->kind == pr_kind_decorated_definition)) {
    return false;
  }
  pr_scope_kind k = run->model.scopes[f->scope].kind;
  return k == PR_SCOPE_MODULE || k == PR_SCOPE_CLASS;
}

/* What is around a segment, as rules may see it from inside: the kinds of
 * its ancestors, and the names and test-ness of the classes among them. */
static uint64_t pr_engine__context(const pr_review_run *run) {
  uint64_t h = 0xC0;
  for (uint32_t i = 0; i + 1 < run->frame_count; i++) {
    const pr_frame *a = &run->frames[i];
    h = pr_hash_bytes((const char *)&a->kind, sizeof a->kind, h);
    if (a->kind == pr_kind_class_definition && a->inner != PR_NONE) {
      const pr_scope *sc = &run->model.scopes[a->inner];
      h = pr_hash_bytes(sc->name, strlen(sc->name), h ^ (sc->is_test_class ? 0x7E57 : 0));
    }
  }
  return h;
}

/* Called for each segment the walk meets: reuses a kept result, or opens the
 * segment for walking. True when its children are to be skipped. */
static bool pr_engine__segment(pr_review_run *run, pr_frame *f, bool stranded) {
  if (!pr_engine__grow(run, (void **)&run->segs, &run->seg_cap, run->seg_count + 1, sizeof *run->segs)) return false;
  uint32_t k = run->seg_count++;
  pr_seg_run *sg = &run->segs[k];
  memset(sg, 0, sizeof *sg);
  sg->node = f->node;
  sg->start = ts_node_start_byte(f->node);
  sg->end = ts_node_end_byte(f->node);
  if (sg->end > run->len) sg->end = run->len;
  if (sg->start > sg->end) sg->start = sg->end;
  /* the line end after its last statement is hashed with it: a fix that
     deletes that statement's line (DED001) ends past the function, and its
     kept edit must find the same line end wherever it is reused */
  const char *after = run->text + sg->end;
  sg->trail = sg->end < run->len && *after == '\r' ? (sg->end + 1 < run->len && after[1] == '\n' ? 2 : 1)
              : sg->end < run->len && *after == '\n' ? 1 : 0;
  sg->hash = pr_hash_bytes(run->text + sg->start, sg->end - sg->start + sg->trail, 0);
  sg->context = pr_engine__context(run);
  if (stranded) sg->context = pr_hash_bytes("stranded", 8, sg->context);
  sg->has_error = ts_node_has_error(f->node);
  sg->scope = f->scope;
  pr_segment_result *kept =
      run->reuse && !sg->has_error ? pr_review_cache_find(run->cache, sg->hash, sg->context, sg->end - sg->start) : NULL;
  if (kept && kept->stale_in != run->cache->serial) {
    sg->state = PR_SEG_REUSED;
    sg->kept = kept;
    if (stranded) pr_engine__error_span(run, f->node);  /* as pr_engine__enter does; it binds nothing */
    else pr_engine__reuse_segment(run, f);
    return true;
  }
  sg->state = PR_SEG_WALKED;
  sg->ref_begin = run->model.reference_count;
  sg->scope_begin = run->model.scope_count;
  run->open_seg = k;
  run->open_depth = run->frame_count - 1;
  return false;
}

/* ---------- structural hashes (DUP001) ---------- */

static uint32_t pr_engine__hash_slot(uint32_t start, uint32_t end, uint32_t kind, uint32_t cap) {
  uint32_t h = start * 2654435761u ^ (end * 40503u) ^ (kind * 97u);
  return (h ^ (h >> 15)) & (cap - 1);
}

static void pr_engine__hash_put(pr_review_run *run, TSNode node, pr_kind kind, uint64_t hash) {
  if ((run->hash_count + 1) * 2 > run->hash_cap) {
    uint32_t cap = run->hash_cap ? run->hash_cap * 2 : 1024;
    pr_hash_entry *t = calloc(cap, sizeof *t);
    if (!t) { run->oom = true; return; }
    for (uint32_t i = 0; i < run->hash_cap; i++) {
      const pr_hash_entry *e = &run->hashes[i];
      if (!e->kind) continue;
      uint32_t j = pr_engine__hash_slot(e->start, e->end, e->kind, cap);
      while (t[j].kind) j = (j + 1) & (cap - 1);
      t[j] = *e;
    }
    free(run->hashes);
    run->hashes = t;
    run->hash_cap = cap;
  }
  uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
  uint32_t j = pr_engine__hash_slot(s, e, (uint32_t)kind, run->hash_cap);
  while (run->hashes[j].kind) j = (j + 1) & (run->hash_cap - 1);
  run->hashes[j] = (pr_hash_entry){s, e, (uint32_t)kind, hash};
  run->hash_count++;
}

bool pr_statement_hash(const pr_ctx *ctx, TSNode node, uint64_t *out) {
  const pr_review_run *run = ctx->run;
  if (!run->hash_cap) return false;
  uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node), k = (uint32_t)pr_node_kind(node);
  for (uint32_t j = pr_engine__hash_slot(s, e, k, run->hash_cap);; j = (j + 1) & (run->hash_cap - 1)) {
    const pr_hash_entry *x = &run->hashes[j];
    if (!x->kind) return false;
    if (x->start == s && x->end == e && x->kind == k) { *out = x->hash; return true; }
  }
}

/* Frame `f` (index `self`) is entered: what its node adds to the hash. */
static void pr_engine__hash_start(pr_review_run *run, pr_frame *f, TSSymbol symbol, bool named, uint32_t self,
                                  uint32_t parent_target) {
  f->sh_mode = (uint8_t)pr_struct_hash_start(run->text, f->node, f->kind, named, symbol, &f->sh);
  f->sh_target = f->sh_mode == PR_SH_OPEN ? self : parent_target;
}

/* The top frame is left: its value goes to the frame collecting for it, and
 * a statement's or block's value is kept for pr_statement_hash. */
static void pr_engine__hash_leave(pr_review_run *run) {
  pr_frame *f = &run->frames[run->frame_count - 1];
  if (f->sh_mode != PR_SH_OPEN && f->sh_mode != PR_SH_LEAF) return;
  uint64_t value = f->sh_mode == PR_SH_OPEN ? pr_struct_hash_close(f->sh) : f->sh;
  if (f->kind == pr_kind_block || pr_kind_is_statement(f->kind)) pr_engine__hash_put(run, f->node, f->kind, value);
  if (run->frame_count < 2) return;
  /* an open frame collects for itself: its value goes to its parent's collector */
  uint32_t to = f->sh_mode == PR_SH_OPEN ? run->frames[run->frame_count - 2].sh_target : f->sh_target;
  if (to < run->frame_count - 1) run->frames[to].sh = pr_struct_hash_fold(run->frames[to].sh, value);
}

static void pr_engine__add_kid(pr_review_run *run, uint32_t event, TSNode node) {
  if (!pr_engine__grow(run, (void **)&run->kids, &run->kid_cap, run->kid_count + 1, sizeof *run->kids)) return;
  run->kids[run->kid_count++] = (pr_kid){event, node};
}

/* Groups the recorded children by block, keeping their order (a counting
 * sort over the blocks' events, which the walk made in document order). */
static void pr_engine__group_kids(pr_review_run *run) {
  uint32_t blocks = 0;
  for (uint32_t i = 0; i < run->kid_count; i++)
    if (i == 0 || run->kids[i].event != run->kids[i - 1].event) blocks++;
  /* an upper bound on the distinct blocks: the runs of one block's children */
  uint32_t *ev = malloc((size_t)(blocks ? blocks : 1) * sizeof *ev);
  uint32_t *first = malloc((size_t)(blocks + 1) * sizeof *first);
  TSNode *nodes = malloc((size_t)(run->kid_count ? run->kid_count : 1) * sizeof *nodes);
  if (!ev || !first || !nodes) { free(ev); free(first); free(nodes); run->oom = true; return; }
  /* the distinct block events, in increasing order (each block's first child
     comes before any child of a later block in document order) */
  uint32_t n = 0;
  for (uint32_t i = 0; i < run->kid_count; i++) {
    uint32_t e = run->kids[i].event;
    if (n && ev[n - 1] >= e) {
      if (ev[n - 1] == e) continue;
      /* an outer block's later child: find its block (a binary search) */
      uint32_t lo = 0, hi = n;
      while (lo < hi) { uint32_t mid = lo + (hi - lo) / 2; if (ev[mid] < e) lo = mid + 1; else hi = mid; }
      if (lo < n && ev[lo] == e) continue;
      /* not in walk order after all: leave the lists out (callers iterate) */
      free(ev); free(first); free(nodes);
      return;
    }
    ev[n++] = e;
  }
  memset(first, 0, (size_t)(n + 1) * sizeof *first);
  for (uint32_t i = 0; i < run->kid_count; i++) {
    uint32_t e = run->kids[i].event, lo = 0, hi = n;
    while (lo < hi) { uint32_t mid = lo + (hi - lo) / 2; if (ev[mid] < e) lo = mid + 1; else hi = mid; }
    run->kids[i].event = lo;  /* now the block's index in ev */
    first[lo + 1]++;
  }
  for (uint32_t b = 0; b < n; b++) first[b + 1] += first[b];
  uint32_t *at = malloc((size_t)(n ? n : 1) * sizeof *at);
  if (!at) { free(ev); free(first); free(nodes); run->oom = true; return; }
  memcpy(at, first, (size_t)n * sizeof *at);
  for (uint32_t i = 0; i < run->kid_count; i++) nodes[at[run->kids[i].event]++] = run->kids[i].node;
  free(at);
  run->kid_blocks = ev;
  run->kid_block_count = n;
  run->kid_first = first;
  run->kid_nodes = nodes;
}

/* The named children the walk recorded for a block or the module, or PR_NONE
 * when it recorded none (no named child, or no enabled rule looks at blocks). */
static uint32_t pr_engine__recorded_kids(const pr_review_run *run, TSNode block, const TSNode **out) {
  /* the block's event: events are in walk order, so sorted by start byte */
  uint32_t start = ts_node_start_byte(block), lo = 0, hi = run->kid_first ? run->kid_block_count : 0;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (ts_node_start_byte(run->events[run->kid_blocks[mid]].node) < start) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < run->kid_block_count; lo++) {
    TSNode n = run->events[run->kid_blocks[lo]].node;
    if (ts_node_start_byte(n) != start) break;
    if (ts_node_eq(n, block)) {
      *out = run->kid_nodes + run->kid_first[lo];
      return run->kid_first[lo + 1] - run->kid_first[lo];
    }
  }
  return PR_NONE;
}

/* The index of the first of `count` children in document order that ends
 * after byte `at` (contains it or starts after it); count when none. */
static uint32_t pr_engine__first_kid_after(const TSNode *kids, uint32_t count, uint32_t at) {
  /* searched by start, which a TSNode holds, where each end would be read
     from the tree (a cache miss a step in a class of a thousand methods):
     the last child starting at or before `at`, or the next one when it ends
     there (siblings do not overlap) */
  uint32_t lo = 0, hi = count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (ts_node_start_byte(kids[mid]) <= at) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return 0;
  return ts_node_end_byte(kids[lo - 1]) > at ? lo - 1 : lo;
}

uint32_t pr_block_children(const pr_ctx *ctx, TSNode block, const TSNode **out) {
  const pr_review_run *run = ctx->run;
  *out = NULL;
  uint32_t recorded = pr_engine__recorded_kids(run, block, out);
  if (recorded != PR_NONE) return recorded;
  /* not recorded: one pass */
  uint32_t count = ts_node_named_child_count(block);
  if (!count) return 0;
  TSNode *list = pr_ctx_alloc((pr_ctx *)ctx, count * sizeof *list);
  if (!list) return PR_NONE;
  pr_children it;
  uint32_t n = 0;
  for (pr_children_start(&it, block); n < count && pr_children_next(&it, &list[n]);) n++;
  pr_children_end(&it);
  *out = list;
  return n;
}

/* A plain string (no interpolation, no error), or a concatenation of them
 * with no comment between, is taken as a leaf: what its children would do is
 * done here (their hash, the Python 2 prefix check of each start). pydoc's
 * topics are 15,000 strings in 80 concatenations, walked on every keystroke:
 * a concatenation's strings hang from a balanced tree of hidden nodes, and a
 * cursor's step to the next one cost hundreds of instructions. True when its
 * children are not to be walked. */
static bool pr_engine__plain_string(pr_review_run *run, pr_frame *f, const pr_frame *parent, TSSymbol symbol) {
  uint64_t value;
  uint64_t *want = run->hash_statements ? &value : NULL;
  bool ur;
  if (f->kind == pr_kind_string ? !pr_struct_hash_plain_string(run->text, f->node, &ur, want)
                                : !pr_struct_hash_plain_concatenation(run->text, f->node, symbol, &ur, want))
    return false;
  if (ur && !(f->flags & PR_FF_IN_ERROR)) pr_engine__py2(run);  /* as pr_engine__enter does, outside ERROR regions */
  if (want && f->sh_mode == PR_SH_OPEN) {
    f->sh = value;
    f->sh_mode = PR_SH_LEAF;
    f->sh_target = parent->sh_target;  /* as pr_engine__hash_start gives a leaf */
  }
  return true;
}

static void pr_engine__walk(pr_review_run *run, TSNode root) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  uint32_t module = pr_model_add_scope(&run->model, PR_SCOPE_MODULE, root, PR_NONE, "", 0);
  if (module == PR_NONE) { run->oom = true; ts_tree_cursor_delete(&cursor); return; }
  if (!pr_engine__grow(run, (void **)&run->frames, &run->frame_cap, 1, sizeof *run->frames)) {
    ts_tree_cursor_delete(&cursor);
    return;
  }
  pr_frame *top = &run->frames[0];
  memset(top, 0, sizeof *top);
  top->node = root;
  top->kind = pr_node_kind(root);
  top->use = PR_USE_LOAD;
  top->scope = module;
  top->inner = PR_NONE;
  top->event = PR_NONE;
  top->count_scope = PR_NONE;
  if (top->kind == pr_kind_ERROR) top->flags |= PR_FF_IN_ERROR;
  run->frame_count = 1;
  if (run->hash_statements)
    pr_engine__hash_start(run, top, ts_node_symbol(top->node), ts_node_is_named(top->node), 0, 0);
  pr_engine__enter(run, top, NULL);
  bool skip = false;  /* the current node's children are not walked (a reused segment) */
  for (;;) {
    if (run->oom) break;
    if (!skip && ts_tree_cursor_goto_first_child(&cursor)) {
      if (!pr_engine__grow(run, (void **)&run->frames, &run->frame_cap, run->frame_count + 1, sizeof *run->frames))
        break;
    } else {
      for (;;) {
        if (run->hash_statements) pr_engine__hash_leave(run);
        if (ts_tree_cursor_goto_next_sibling(&cursor)) break;
        if (!ts_tree_cursor_goto_parent(&cursor)) goto done;
        run->frame_count--;
      }
      run->frame_count--;
    }
    skip = false;
    if (run->open_seg != PR_NONE && run->frame_count <= run->open_depth) pr_engine__close_segment(run);
    pr_frame *parent = &run->frames[run->frame_count - 1];
    pr_frame *f = &run->frames[run->frame_count++];
    TSNode node = ts_tree_cursor_current_node(&cursor);
    bool named = ts_node_is_named(node);
    TSSymbol symbol = named || run->hash_statements ? ts_node_symbol(node) : 0;
    TSFieldId field = pr_engine__fields_bind(parent->kind) ? ts_tree_cursor_current_field_id(&cursor) : 0;
    pr_engine__child_frame(run, parent, node, named ? pr_kind_of_symbol(symbol) : pr_kind_other, field, f);
    if (named && parent->event != PR_NONE && (parent->kind == pr_kind_block || parent->kind == pr_kind_module))
      pr_engine__add_kid(run, parent->event, node);
    if (run->hash_statements) pr_engine__hash_start(run, f, symbol, named, run->frame_count - 1, parent->sh_target);
    if (pr_engine__is_segment(run, parent, f) && pr_engine__segment(run, f, f->flags & PR_FF_IN_ERROR)) {
      skip = true;
      continue;
    }
    pr_engine__enter(run, f, parent);
    /* a string's content has only escape sequences below it, which no rule
       reads and whose text its structural hash already holds (as
       pr_struct_hash reads it); pydoc's topics, 756 KB of text, are 75,000
       of them, walked on every keystroke */
    if (f->kind == pr_kind_string_content) skip = true;
    else if (f->kind == pr_kind_string || f->kind == pr_kind_concatenated_string)
      skip = pr_engine__plain_string(run, f, parent, symbol);
  }
done:
  if (run->open_seg != PR_NONE) pr_engine__close_segment(run);
  ts_tree_cursor_delete(&cursor);
}

/* ---------- the findings funnel ---------- */

/* The first error span ending after `start` (error_count when none). */
static uint32_t pr_engine__error_after(const pr_review_run *run, uint32_t start) {
  uint32_t lo = 0, hi = run->error_count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (run->errors[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static bool pr_engine__in_error(const pr_review_run *run, uint32_t start, uint32_t end) {
  uint32_t lo = pr_engine__error_after(run, start);
  return lo < run->error_count && run->errors[lo].start <= start && end <= run->errors[lo].end &&
         run->errors[lo].start < run->errors[lo].end;
}

/* True when line `row` holds code that does not parse (an ERROR node, or a
 * statement with a MISSING token, `def f(:`): a suppression comment there
 * belongs to code that is still being typed. */
static TSNode pr_engine__descendant_for_range(const pr_review_run *run, TSNode root, uint32_t start, uint32_t end);

static bool pr_engine__line_has_error(const pr_review_run *run, TSNode root, uint32_t row) {
  if (row >= run->lines->count) return false;
  uint32_t start = run->lines->starts[row], end = pr_line_index_row_end(run->lines, run->text, run->len, row);
  uint32_t lo = pr_engine__error_after(run, start);
  if (lo < run->error_count && run->errors[lo].start <= end) return true;
  /* the statements on the line: children of the smallest node spanning it,
     from the first that ends after the line's start (a block or the module
     may hold thousands: ts_node_child(n, i) would step over i of them) */
  TSNode n = pr_engine__descendant_for_range(run, root, start, end > start ? end - 1 : end);
  pr_kind k = ts_node_is_named(n) ? pr_node_kind(n) : pr_kind_other;
  const TSNode *kids;
  uint32_t count = k == pr_kind_block || k == pr_kind_module ? pr_engine__recorded_kids(run, n, &kids) : PR_NONE;
  if (count != PR_NONE) {
    for (uint32_t i = pr_engine__first_kid_after(kids, count, start); i < count && ts_node_start_byte(kids[i]) <= end;
         i++)
      if (ts_node_has_error(kids[i])) return true;
    return false;  /* a block's errors are in its named children (statements, ERROR nodes) */
  }
  if (ts_node_child_count(n) == 0) return ts_node_has_error(n);
  TSTreeCursor c = ts_tree_cursor_new(n);
  bool error = false;
  if (ts_tree_cursor_goto_first_child_for_byte(&c, start) >= 0) {
    do {
      TSNode ch = ts_tree_cursor_current_node(&c);
      if (ts_node_start_byte(ch) > end) break;
      if (ts_node_end_byte(ch) > start && ts_node_has_error(ch)) { error = true; break; }
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
  return error;
}

/* The first child of `n` that contains byte `at` or starts after it, as
 * ts_node_first_child_for_byte; a block's or the module's by binary search
 * among the children the walk recorded (a class body may hold thousands of
 * methods, which tree-sitter would step over one by one). */
static TSNode pr_engine__child_for_byte(const pr_review_run *run, TSNode n, pr_kind k, uint32_t at) {
  const TSNode *kids;
  uint32_t count = k == pr_kind_block || k == pr_kind_module ? pr_engine__recorded_kids(run, n, &kids) : PR_NONE;
  if (count == PR_NONE) return ts_node_first_child_for_byte(n, at);
  uint32_t i = pr_engine__first_kid_after(kids, count, at);
  return i < count ? kids[i] : (TSNode){0};
}

static bool pr_engine__is_statement_or_clause(pr_kind k) {
  /* an except/elif/else/finally/case clause has a header of its own */
  return pr_kind_is_statement(k) || k == pr_kind_except_clause || k == pr_kind_except_group_clause ||
         k == pr_kind_elif_clause || k == pr_kind_else_clause || k == pr_kind_finally_clause ||
         k == pr_kind_case_clause;
}

/* A statement that holds no other: neither compound nor a definition. */
static bool pr_engine__is_simple_statement(pr_kind k) {
  return pr_kind_is_statement(k) && !pr_statement_is_compound(k) && k != pr_kind_function_definition &&
         k != pr_kind_class_definition && k != pr_kind_decorated_definition;
}

/* The innermost statement or clause containing [start, end) (or `node`,
 * when given, if it is one): one descent from the root (ts_node_parent
 * searches from the root at every step). */
static TSNode pr_engine__statement_at(const pr_review_run *run, TSNode root, uint32_t start, uint32_t end,
                                      TSNode node) {
  TSNode best = {0}, n = root;
  for (;;) {
    pr_kind k = ts_node_is_named(n) ? pr_node_kind(n) : pr_kind_other;
    if (pr_engine__is_statement_or_clause(k)) best = n;
    if (!ts_node_is_null(node) && ts_node_eq(n, node)) break;
    /* no statement lies inside a simple one that parsed whole: stop there,
       not at the bottom of a deep expression (`a = b = ... = 1`) */
    if (pr_engine__is_simple_statement(k) && !ts_node_has_error(n)) break;
    TSNode child = pr_engine__child_for_byte(run, n, k, start);
    if (ts_node_is_null(child) || ts_node_start_byte(child) > start || ts_node_end_byte(child) < end) break;
    n = child;
  }
  return best;
}

static TSNode pr_engine__statement_of(const pr_review_run *run, TSNode root, TSNode node) {
  return pr_engine__statement_at(run, root, ts_node_start_byte(node), ts_node_end_byte(node), node);
}

/* The smallest node spanning [start, end), as ts_node_descendant_for_byte_range
 * from the root; the way down to the innermost statement holding the range
 * goes through recorded blocks by binary search. */
static TSNode pr_engine__descendant_for_range(const pr_review_run *run, TSNode root, uint32_t start, uint32_t end) {
  TSNode s = pr_engine__statement_at(run, root, start, end, (TSNode){0});
  return ts_node_descendant_for_byte_range(ts_node_is_null(s) ? root : s, start, end);
}

/* Every report prints a message as one line, and a rule may quote source text
 * written across lines (a dotted import continued with a backslash, a callee
 * split inside brackets): a line break, with the blanks and the backslash of
 * a continuation around it, becomes one space. Returns the new length. */
static size_t pr_engine__one_line(char *s, size_t n) {
  if (!memchr(s, '\n', n) && !memchr(s, '\r', n)) return n;
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    bool line_break = false;
    while (j < n) {
      char c = s[j];
      if (c == '\n' || c == '\r') line_break = true;
      else if (c == '\\' && j + 1 < n && (s[j + 1] == '\n' || s[j + 1] == '\r')) line_break = true;
      else if (c != ' ' && c != '\t' && c != '\f' && c != '\v') break;
      j++;
    }
    if (line_break) {
      s[o++] = ' ';
      i = j;
    } else if (j > i) {
      memmove(s + o, s + i, j - i);
      o += j - i;
      i = j;
    } else {
      s[o++] = s[i++];
    }
  }
  return o;
}

/* A finding's message in the arena: never cut inside a character and always
 * valid UTF-8 (a message quotes names and text of the file, and every report,
 * JSON above all, must be able to carry it). Quoted text beyond
 * PR_MESSAGE_MAX_BYTES is elided with "…" at a character boundary; `suffix`
 * (the CWE) is always kept. NULL when out of memory (run->oom is set). */
static char *pr_engine__message(pr_review_run *run, const char *fmt, va_list ap, const char *suffix) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n < 0) n = 0;
  char *raw = malloc((size_t)n + 1);
  if (!raw) { run->oom = true; return NULL; }
  vsnprintf(raw, (size_t)n + 1, fmt, ap);
  n = (int)pr_engine__one_line(raw, (size_t)n);
  size_t suffix_len = strlen(suffix);
  /* at most 3 bytes out per byte in (U+FFFD for a bad byte), plus the ellipsis */
  size_t keep = (size_t)n < PR_MESSAGE_MAX_BYTES ? (size_t)n : PR_MESSAGE_MAX_BYTES;
  char *out = pr_arena_alloc(run->arena, keep * 3 + sizeof "\xE2\x80\xA6" + suffix_len);
  if (!out) { free(raw); run->oom = true; return NULL; }
  size_t o = 0, i = 0;
  const unsigned char *s = (const unsigned char *)raw;
  while (i < (size_t)n) {
    if (s[i] < 0x80) {  /* a run of ASCII is copied whole */
      size_t j = i + 1, stop = (size_t)n < keep ? (size_t)n : keep;
      while (j < stop && s[j] < 0x80) j++;
      if (j > stop) j = stop;
      if (j == i) break;  /* the limit falls here */
      memcpy(out + o, raw + i, j - i);
      o += j - i;
      i = j;
      continue;
    }
    uint32_t cp, len = pr_utf8_decode(s + i, (uint32_t)((size_t)n - i > 4 ? 4 : (size_t)n - i), &cp);
    bool bad = cp == 0xFFFD && len == 1;
    if (i + len > keep) break;  /* the limit falls inside or after this character */
    if (bad) { memcpy(out + o, "\xEF\xBF\xBD", 3); o += 3; }
    else { memcpy(out + o, raw + i, len); o += len; }
    i += len;
  }
  if (i < (size_t)n) { memcpy(out + o, "\xE2\x80\xA6", 3); o += 3; }
  memcpy(out + o, suffix, suffix_len);
  out[o + suffix_len] = 0;
  free(raw);
  return out;
}

static bool pr_engine__outside(const pr_review_run *run, uint32_t at);

/* Records a finding of ctx->rule; `stmt`, when the caller has it, is the
 * statement pr_engine__statement_of(anchor) would find (else null: found
 * here). `known`, when not NULL, is the statement range an earlier review
 * gave the same range in the same function (pr_stmt_memo): then
 * neither is read. */
static pr_finding *pr_engine__add_in(pr_ctx *ctx, TSNode anchor, TSNode stmt, const uint32_t *known, uint32_t start,
                                     uint32_t end, const char *fmt, va_list ap) {
  pr_review_run *run = ctx->run;
  if (pr_engine__in_error(run, start, end)) return NULL;
  pr_finding *f = pr_arena_alloc(run->arena, sizeof *f);
  if (!f) { run->oom = true; return NULL; }
  f->rule = ctx->rule;
  f->severity = ctx->rule->severity;
  f->start = start;
  f->end = end;
  char cwe[24] = "";
  if (ctx->rule->cwe) snprintf(cwe, sizeof cwe, " [CWE-%d]", ctx->rule->cwe);
  f->message = pr_engine__message(run, fmt, ap, cwe);
  if (!f->message) return NULL;
  /* the statement holding the finding, for suppression comments on its first or last line */
  TSNode s = known ? (TSNode){0} : ts_node_is_null(stmt) ? pr_engine__statement_of(run, ctx->root, anchor) : stmt;
  f->stmt_start = known ? known[0] : start;
  f->stmt_end = known ? known[1] : end;
  if (!ts_node_is_null(s)) {
    f->stmt_start = ts_node_start_byte(s);
    f->stmt_end = ts_node_end_byte(s);
    /* a compound statement's or clause's "statement" is its header: up to the
       colon that comes before its block */
    bool compound = false;
    uint32_t n = ts_node_child_count(s);
    for (uint32_t i = 0; i < n && !compound; i++) {
      TSNode c = ts_node_child(s, i);
      if (ts_node_is_named(c) || strcmp(ts_node_type(c), ":")) continue;
      for (uint32_t j = i + 1; j < n; j++) {
        TSNode b = ts_node_child(s, j);
        if (pr_node_kind(b) == pr_kind_block) { compound = true; f->stmt_end = ts_node_end_byte(c); break; }
        if (ts_node_is_named(b) && pr_node_kind(b) != pr_kind_comment) break;
      }
    }
    /* a statement that does not parse is not judged: tree-sitter may keep a
       call intact beside the error (`run(cmd, shell=True) +`), but what the
       author meant is unknown */
    if (compound ? ts_node_has_error(anchor) : ts_node_has_error(s)) return NULL;
  }
  if (!pr_engine__grow(run, (void **)&run->findings, &run->finding_cap, run->finding_count + 1,
                       sizeof *run->findings))
    return NULL;
  f->outside = pr_engine__outside(run, start);
  run->findings[run->finding_count++] = f;
  return f;
}

static pr_finding *pr_engine__add(pr_ctx *ctx, TSNode anchor, uint32_t start, uint32_t end, const char *fmt,
                                  va_list ap) {
  return pr_engine__add_in(ctx, anchor, (TSNode){0}, NULL, start, end, fmt, ap);
}

pr_finding *pr_report(pr_ctx *ctx, TSNode node, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  pr_finding *f = pr_engine__add(ctx, node, ts_node_start_byte(node), ts_node_end_byte(node), fmt, ap);
  va_end(ap);
  return f;
}

pr_finding *pr_report_range(pr_ctx *ctx, TSNode anchor, uint32_t start_byte, uint32_t end_byte,
                            const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  pr_finding *f = pr_engine__add(ctx, anchor, start_byte, end_byte, fmt, ap);
  va_end(ap);
  return f;
}

/* Appends related information at [start, end) to f. */
static void pr_engine__related(pr_ctx *ctx, pr_finding *f, uint32_t start, uint32_t end, const char *fmt, va_list ap) {
  if (!f) return;
  pr_review_run *run = ctx->run;
  if (f->related_count == f->related_cap) {
    uint32_t cap = f->related_cap ? f->related_cap * 2 : 2;
    pr_related *r = pr_arena_alloc(run->arena, cap * sizeof *r);
    if (!r) return;
    if (f->related_count) memcpy(r, f->related, f->related_count * sizeof *r);
    f->related = r;
    f->related_cap = cap;
  }
  char *message = pr_engine__message(run, fmt, ap, "");
  if (!message) return;
  pr_related *r = &f->related[f->related_count++];
  r->start = start;
  r->end = end;
  r->message = message;
}

void pr_finding_add_related(pr_ctx *ctx, pr_finding *f, TSNode node, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  pr_engine__related(ctx, f, ts_node_start_byte(node), ts_node_end_byte(node), fmt, ap);
  va_end(ap);
}

static uint32_t pr_engine__segment_at(const pr_review_run *run, uint32_t at);

/* Where a finding reported inside a function whose results the review
 * reuses finds its statement range: in that function's kept result, which
 * remembers it from the first time (the same bytes, the same statement). A
 * file-wide rule reports the same findings on every keystroke (DUP001's
 * repeats, NAM001's names), and finding their statement is a descent of the
 * tree each. */
typedef struct pr_stmt_memo {
  pr_segment_result *kept;   /* NULL: not in a reused function, or its memo is full */
  uint32_t base;             /* the function's start: kept offsets are from it */
  uint32_t stmt[2];          /* the remembered range, when found */
} pr_stmt_memo;

/* True when the memo has the statement of [start, end): then memo->stmt. */
static bool pr_engine__stmt_memo_find(pr_review_run *run, uint32_t start, uint32_t end, pr_stmt_memo *memo) {
  memo->kept = NULL;
  uint32_t k = run->cache ? pr_engine__segment_at(run, start) : PR_NONE;
  if (k == PR_NONE || run->segs[k].state != PR_SEG_REUSED || end > run->segs[k].end) return false;
  pr_segment_result *r = run->segs[k].kept;
  memo->base = run->segs[k].start;
  for (uint32_t i = 0; i < r->stmt_memo_count; i++) {
    const uint32_t *m = r->stmt_memo + 4 * i;
    if (m[0] == start - memo->base && m[1] == end - memo->base) {
      memo->stmt[0] = memo->base + m[2];
      memo->stmt[1] = memo->base + m[3];
      return true;
    }
  }
  if (r->stmt_memo_count < PR_STMT_MEMO_MAX) memo->kept = r;
  return false;
}

static void pr_engine__stmt_memo_put(const pr_stmt_memo *memo, const pr_finding *f) {
  pr_segment_result *r = memo->kept;
  if (!r || f->stmt_start < memo->base || f->stmt_end - memo->base > r->len) return;
  uint32_t *m = realloc(r->stmt_memo, (r->stmt_memo_count + 1) * 4 * sizeof *m);
  if (!m) return;  /* found again next time */
  r->stmt_memo = m;
  m += 4 * r->stmt_memo_count++;
  m[0] = f->start - memo->base;
  m[1] = f->end - memo->base;
  m[2] = f->stmt_start - memo->base;
  m[3] = f->stmt_end - memo->base;
}

pr_finding *pr_report_bytes(pr_ctx *ctx, uint32_t start_byte, uint32_t end_byte, const char *fmt, ...) {
  if (end_byte < start_byte || end_byte > ctx->len) return NULL;
  pr_stmt_memo memo;
  bool known = pr_engine__stmt_memo_find(ctx->run, start_byte, end_byte, &memo);
  TSNode stmt = {0}, anchor = {0};
  if (!known) {
    /* the smallest node spanning the range, found under the innermost
       statement holding it: that statement is also the anchor's (one
       descent, not two) */
    stmt = pr_engine__statement_at(ctx->run, ctx->root, start_byte, end_byte, (TSNode){0});
    anchor = ts_node_descendant_for_byte_range(ts_node_is_null(stmt) ? ctx->root : stmt, start_byte, end_byte);
  }
  va_list ap;
  va_start(ap, fmt);
  pr_finding *f = pr_engine__add_in(ctx, anchor, stmt, known ? memo.stmt : NULL, start_byte, end_byte, fmt, ap);
  va_end(ap);
  if (f && !known) pr_engine__stmt_memo_put(&memo, f);
  return f;
}

void pr_finding_add_related_bytes(pr_ctx *ctx, pr_finding *f, uint32_t start_byte, uint32_t end_byte,
                                  const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  pr_engine__related(ctx, f, start_byte, end_byte, fmt, ap);
  va_end(ap);
}

void pr_finding_set_fix(pr_ctx *ctx, pr_finding *f, const char *fmt, ...) {
  if (!f) return;
  va_list ap;
  va_start(ap, fmt);
  f->fix_message = pr_engine__message(ctx->run, fmt, ap, "");
  va_end(ap);
}

void pr_finding_add_edit(pr_ctx *ctx, pr_finding *f, uint32_t start_byte, uint32_t end_byte, const char *text,
                         uint32_t len) {
  if (!f || !f->fix_message || end_byte < start_byte || end_byte > ctx->len) return;
  pr_review_run *run = ctx->run;
  for (uint32_t i = 0; i < f->edit_count; i++)
    if (start_byte < f->edits[i].end && f->edits[i].start < end_byte) return;  /* overlaps: not offered */
  if (f->edit_count == f->edit_cap) {
    uint32_t cap = f->edit_cap ? f->edit_cap * 2 : 2;
    pr_edit *e = pr_arena_alloc(run->arena, cap * sizeof *e);
    if (!e) { run->oom = true; return; }
    if (f->edit_count) memcpy(e, f->edits, f->edit_count * sizeof *e);
    f->edits = e;
    f->edit_cap = cap;
  }
  char *copy = pr_arena_strndup(run->arena, text, len);
  if (!copy) { run->oom = true; return; }
  uint32_t i = f->edit_count++;
  while (i > 0 && f->edits[i - 1].start > start_byte) { f->edits[i] = f->edits[i - 1]; i--; }
  f->edits[i] = (pr_edit){start_byte, end_byte, copy};
}

void pr_add_fact(pr_ctx *ctx, const pr_fact *fact) {
  pr_review_run *run = ctx->run;
  if (!pr_engine__grow(run, (void **)&run->facts, &run->fact_cap, run->fact_count + 1, sizeof *run->facts)) return;
  pr_fact copy = *fact;
  if (fact->text) {
    char *t = pr_arena_strndup(run->arena, fact->text, fact->text_len);
    if (!t) { run->oom = true; return; }
    copy.text = t;
  }
  run->facts[run->fact_count++] = (pr_fact_rec){run->current_rule, copy, pr_engine__outside(run, copy.start)};
}

uint32_t pr_def_statement_count(const pr_ctx *ctx, TSNode def) {
  const pr_model *m = ctx->model;
  uint32_t sc = ctx->own_scope;
  if (sc == PR_NONE || sc >= m->scope_count || m->scopes[sc].kind != PR_SCOPE_FUNCTION ||
      !ts_node_eq(m->scopes[sc].node, def))
    return pr_statement_count(ctx->text, def);
  uint32_t n = m->scopes[sc].statements;
  /* the walk counted the docstring, which is a statement of the body */
  if (n && !ts_node_is_null(pr_docstring(ctx->text, def))) n--;
  return n;
}

void *pr_ctx_alloc(pr_ctx *ctx, size_t size) {
  void *p = pr_arena_alloc(ctx->run->arena, size);
  if (!p) ctx->run->oom = true;
  return p;
}

void *pr_rule_state(pr_ctx *ctx, size_t size) {
  /* rules ask on every node they see: the rule being run is the usual answer */
  uint32_t i = ctx->run->current_rule;
  if (i >= ctx->run->rule_count || ctx->run->rules[i] != ctx->rule)
    for (i = 0; i + 1 < ctx->run->rule_count && ctx->run->rules[i] != ctx->rule;) i++;
  if (!ctx->run->states[i]) ctx->run->states[i] = pr_ctx_alloc(ctx, size);
  ctx->state = ctx->run->states[i];
  return ctx->state;
}

bool pr_rule_mentions(pr_ctx *ctx, const char *const *needles) {
  uint8_t *cache = ctx->state ? ctx->state : pr_rule_state(ctx, sizeof *cache);
  return pr_text_mentions(ctx, cache, needles);
}

static bool pr_engine__blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* The walked text's ranges: the gaps between reused segments (walked
 * segments inside them), trimmed of blanks; the blank lines between two
 * methods whose results are reused hold nothing to find. */
static void pr_engine__walked_ranges(pr_review_run *run) {
  run->walked_ready = true;
  uint32_t at = 0;
  /* segments come in document order and never nest */
  for (uint32_t k = 0; k <= run->seg_count; k++) {
    if (k < run->seg_count && run->segs[k].state != PR_SEG_REUSED) continue;
    uint32_t from = at, to = k < run->seg_count ? run->segs[k].start : run->len;
    if (k < run->seg_count && run->segs[k].end > at) at = run->segs[k].end;
    while (from < to && pr_engine__blank(run->text[from])) from++;
    while (to > from && pr_engine__blank(run->text[to - 1])) to--;
    if (from == to) continue;
    if (!pr_engine__grow(run, (void **)&run->walked, &run->walked_cap, run->walked_count + 2, sizeof *run->walked))
      return;  /* run->oom: the review is given up */
    run->walked[run->walked_count++] = from;
    run->walked[run->walked_count++] = to;
  }
}

bool pr_walked_text_has(const pr_ctx *ctx, const char *needle, bool word) {
  pr_review_run *run = ctx->run;
  if (!run->walked_ready) pr_engine__walked_ranges(run);
  for (uint32_t i = 0; i + 1 < run->walked_count; i += 2) {
    uint32_t p = word ? pr_text_find_word_range(ctx->text, ctx->len, run->walked[i], run->walked[i + 1], needle)
                      : pr_text_find_range(ctx->text, ctx->len, run->walked[i], run->walked[i + 1], needle);
    if (p < ctx->len) return true;
  }
  return false;
}

bool pr_in_test_code(const pr_ctx *ctx, uint32_t scope) {
  if (ctx->test_file) return true;
  return scope != PR_NONE && scope < ctx->model->scope_count && ctx->model->scopes[scope].in_test_class;
}

/* The innermost scope whose node contains byte `at`. Scopes nest and are
 * created in document order, so it is the last scope starting at or before
 * `at`, or one of that scope's ancestors. */
static uint32_t pr_engine__scope_at(const pr_model *m, uint32_t at) {
  uint32_t lo = 1, hi = m->scope_count;
  while (lo < hi) {  /* the first scope starting after `at` */
    uint32_t mid = lo + (hi - lo) / 2;
    if (ts_node_start_byte(m->scopes[mid].node) <= at) lo = mid + 1;
    else hi = mid;
  }
  for (uint32_t s = lo - 1; s != PR_NONE && s != 0; s = m->scopes[s].parent)
    if (at < ts_node_end_byte(m->scopes[s].node)) return s;
  return 0;
}

/* The segment holding byte `at`, or PR_NONE. */
static uint32_t pr_engine__segment_at(const pr_review_run *run, uint32_t at) {
  uint32_t lo = 0, hi = run->seg_count;
  while (lo < hi) {  /* the first segment starting after `at` */
    uint32_t mid = lo + (hi - lo) / 2;
    if (run->segs[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && at < run->segs[lo - 1].end ? lo - 1 : PR_NONE;
}

uint32_t pr_definition_start(const pr_ctx *ctx, TSNode def) {
  const pr_review_run *run = ctx->run;
  uint32_t k = pr_engine__segment_at(run, ts_node_start_byte(def));
  if (k != PR_NONE) {
    /* the segment itself, or the decorated definition around it (not a def
       nested in a segment that ends where it ends) */
    TSNode seg = run->segs[k].node;
    if (ts_node_eq(seg, def) ||
        (pr_node_kind(seg) == pr_kind_decorated_definition && ts_node_eq(pr_child(seg, pr_field_definition), def)))
      return run->segs[k].start;
  }
  TSNode parent = ts_node_parent(def);
  return ts_node_start_byte(pr_node_kind(parent) == pr_kind_decorated_definition ? parent : def);
}

/* True when what a rule reports at byte `at` is judged from outside the
 * segment holding it: on_node is looking at a node that encloses that segment
 * (a class body, the module). DED004 flags a method that follows a class-level
 * `raise`: the verdict depends on code around the segment, which its kept key
 * does not cover, so such items are recomputed on every review instead of
 * being kept with the segment. (A rule that reports a function when it sees
 * the next node, as CPX002 does, judges from inside: kept.) */
static bool pr_engine__outside(const pr_review_run *run, uint32_t at) {
  if (ts_node_is_null(run->current_node)) return false;
  uint32_t k = pr_engine__segment_at(run, at);
  if (k == PR_NONE) return false;
  uint32_t ns = ts_node_start_byte(run->current_node), ne = ts_node_end_byte(run->current_node);
  const pr_seg_run *sg = &run->segs[k];
  return ns <= sg->start && ne >= sg->end && (ns < sg->start || ne > sg->end);
}

uint32_t pr_line_of(const pr_ctx *ctx, uint32_t at) {
  return pr_line_index_row(ctx->run->lines, at > ctx->len ? ctx->len : at) + 1;
}

uint32_t pr_scope_at(const pr_ctx *ctx, uint32_t at) {
  return pr_engine__scope_at(ctx->model, at);
}

/* True when `at` lies in a test class defined inside a reused segment (whose
 * scopes are not in the model). */
static bool pr_engine__in_reused_test_class(const pr_review_run *run, uint32_t at) {
  uint32_t k = pr_engine__segment_at(run, at);
  if (k == PR_NONE || run->segs[k].state != PR_SEG_REUSED) return false;
  const pr_segment_result *res = run->segs[k].kept;
  uint32_t rel = at - run->segs[k].start;
  for (uint32_t i = 0; i < res->test_class_count; i++)
    if (res->test_classes[2 * i] <= rel && rel < res->test_classes[2 * i + 1]) return true;
  return false;
}

static int pr_engine__compare(const void *a, const void *b) {
  const pr_finding *x = *(pr_finding *const *)a, *y = *(pr_finding *const *)b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  int c = strcmp(x->rule->code, y->rule->code);
  if (c) return c;
  if (x->end != y->end) return x->end < y->end ? -1 : 1;
  return strcmp(x->message, y->message);
}

typedef struct pr_unused_list { pr_unused_suppression *items; uint32_t count, cap; pr_review_run *run; } pr_unused_list;

static void pr_engine__collect_unused(void *arg, const pr_unused_suppression *u) {
  pr_unused_list *l = arg;
  if (pr_engine__grow(l->run, (void **)&l->items, &l->cap, l->count + 1, sizeof *l->items)) l->items[l->count++] = *u;
}

static int pr_engine__unused_order(const void *a, const void *b) {
  const pr_unused_suppression *x = a, *y = b;
  uint32_t p = x->item == UINT32_MAX ? x->sup->start : x->sup->item_starts[x->item];
  uint32_t q = y->item == UINT32_MAX ? y->sup->start : y->sup->item_starts[y->item];
  return (p > q) - (p < q);
}

/* SUP001: after every other finding met the suppressions, the directives and
 * items that silenced none of them go to the rules that judge suppressions.
 * A comment inside code that does not parse is left alone: the findings it
 * is meant for cannot be seen yet. */
static void pr_engine__unused_suppressions(pr_review_run *run, pr_ctx *ctx) {
  for (uint32_t r = 0; r < run->rule_count && !run->oom; r++) {
    const pr_rule *rule = run->rules[r];
    if (!rule->on_unused_suppression) continue;
    pr_unused_list list = {.run = run};
    pr_suppressions_each_unused(&run->suppressions, pr_engine__collect_unused, &list);
    if (list.count) qsort(list.items, list.count, sizeof *list.items, pr_engine__unused_order);
    uint32_t before = run->finding_count;
    run->current_rule = r;
    ctx->rule = rule;
    ctx->state = run->states[r];
    for (uint32_t i = 0; i < list.count && !run->oom; i++) {
      const pr_suppression *sup = list.items[i].sup;
      if (pr_engine__line_has_error(run, ctx->root, sup->row)) continue;
      rule->on_unused_suppression(ctx, &list.items[i]);
    }
    free(list.items);
    uint32_t kept = before;
    for (uint32_t i = before; i < run->finding_count; i++) {
      pr_finding *f = run->findings[i];
      if (!pr_suppressions_name(&run->suppressions, rule, pr_line_index_row(run->lines, f->start)))
        run->findings[kept++] = f;
    }
    run->finding_count = kept;
  }
}

bool pr_rule_enabled(const pr_ctx *ctx, const pr_rule *rule) {
  for (uint32_t r = 0; r < ctx->run->rule_count; r++)
    if (ctx->run->rules[r] == rule) return true;
  return false;
}

static void pr_engine__filter(pr_review_run *run, pr_ctx *ctx) {
  uint32_t kept = 0;
  for (uint32_t i = 0; i < run->finding_count; i++) {
    pr_finding *f = run->findings[i];
    unsigned flags = f->rule->flags;
    bool drop = false;
    if ((flags & PR_RULE_NO_PY2) && run->python2) drop = true;
    if (!drop && (flags & (PR_RULE_TESTS_ONLY | PR_RULE_NOT_IN_TESTS))) {
      bool test = pr_in_test_code(ctx, pr_engine__scope_at(&run->model, f->start)) ||
                  pr_engine__in_reused_test_class(run, f->start);
      if ((flags & PR_RULE_TESTS_ONLY) && !test) drop = true;
      if ((flags & PR_RULE_NOT_IN_TESTS) && test) drop = true;
    }
    if (!drop) {
      uint32_t row = pr_line_index_row(run->lines, f->start);
      uint32_t first = pr_line_index_row(run->lines, f->stmt_start);
      uint32_t last = pr_line_index_row(run->lines, f->stmt_end > f->stmt_start ? f->stmt_end - 1 : f->stmt_end);
      if (pr_suppressions_match(&run->suppressions, f->rule, row, first, last)) drop = true;
    }
    if (drop) continue;
    /* the configuration's `severity` table: kept results keep the rule's own */
    const uint8_t *sev = run->options->severity;
    uint32_t r = sev && f->rule ? pr_rule_index(f->rule) : PR_NONE;
    if (r < pr_rule_count && pr_rules[r] == f->rule && sev[r] >= PR_SEV_ERROR && sev[r] <= PR_SEV_HINT) f->severity = (pr_severity)sev[r];
    run->findings[kept++] = f;
  }
  run->finding_count = kept;
  pr_engine__unused_suppressions(run, ctx);
  if (run->finding_count) qsort(run->findings, run->finding_count, sizeof *run->findings, pr_engine__compare);
}

static void pr_engine__dispatch(pr_review_run *run, pr_ctx *ctx) {
  for (uint32_t i = 0; i < run->event_count && !run->oom; i++) {
    const pr_event *e = &run->events[i];
    pr_kind k = pr_node_kind(e->node);
    ctx->parent = e->parent;
    ctx->scope = e->scope;
    ctx->own_scope = e->own_scope;
    for (uint32_t j = 0; j < run->subscriber_count[k]; j++) {
      uint32_t r = run->subscribers[k][j];
      /* a file without test code gets nothing from a tests-only rule */
      if (!run->test_code && (run->rules[r]->flags & PR_RULE_TESTS_ONLY)) continue;
      run->current_rule = r;
      ctx->rule = run->rules[r];
      ctx->state = run->states[r];
      run->current_node = e->node;
      ctx->rule->on_node(ctx, e->node);
    }
  }
  run->current_node = (TSNode){0};
  ctx->parent = (TSNode){0};
  ctx->scope = 0;
  ctx->own_scope = PR_NONE;
  for (uint32_t r = 0; r < run->rule_count && !run->oom; r++) {
    if (!run->rules[r]->on_file_end) continue;
    if (!run->test_code && (run->rules[r]->flags & PR_RULE_TESTS_ONLY)) continue;
    run->current_rule = r;
    ctx->rule = run->rules[r];
    ctx->state = run->states[r];
    ctx->rule->on_file_end(ctx);
  }
}

static void pr_engine__cleanup(pr_review_run *run) {
  pr_model *m = &run->model;
  pr_engine__give_back(run->cache, PR_SPARE_SCOPES, m->scopes, (size_t)m->scope_cap * sizeof *m->scopes);
  pr_engine__give_back(run->cache, PR_SPARE_BINDINGS, m->bindings, (size_t)m->binding_cap * sizeof *m->bindings);
  pr_engine__give_back(run->cache, PR_SPARE_SYMBOLS, m->symbols, (size_t)m->symbol_cap * sizeof *m->symbols);
  pr_engine__give_back(run->cache, PR_SPARE_REFERENCES, m->references,
                       (size_t)m->reference_cap * sizeof *m->references);
  pr_engine__give_back(run->cache, PR_SPARE_TABLE, m->table, (size_t)m->table_cap * sizeof *m->table);
  m->scopes = NULL;
  m->bindings = NULL;
  m->symbols = NULL;
  m->references = NULL;
  m->table = NULL;
  pr_model_free(m);
  pr_line_index_free(&run->own_lines);
  free(run->frames);
  pr_engine__give_back(run->cache, PR_SPARE_HASHES, run->hashes, (size_t)run->hash_cap * sizeof *run->hashes);
  pr_engine__give_back(run->cache, PR_SPARE_EVENTS, run->events, (size_t)run->event_cap * sizeof *run->events);
  pr_engine__give_back(run->cache, PR_SPARE_KIDS, run->kids, (size_t)run->kid_cap * sizeof *run->kids);
  free(run->kid_nodes);
  free(run->kid_blocks);
  free(run->kid_first);
  free(run->errors);
  pr_engine__give_back(run->cache, PR_SPARE_FINDINGS, run->findings, (size_t)run->finding_cap * sizeof *run->findings);
  free(run->test_classes);
  pr_engine__give_back(run->cache, PR_SPARE_SEGS, run->segs, (size_t)run->seg_cap * sizeof *run->segs);
  free(run->comments);
  pr_engine__give_back(run->cache, PR_SPARE_FACTS, run->facts, (size_t)run->fact_cap * sizeof *run->facts);
  free(run->walked);
  free(run->seg_parts);
  free(run->dep_symbols);
  free(run->dep_classes);
}

/* ---------- the incremental review (see incremental.h) ---------- */

/* The largest power of two at most n (0 for 0). */
static uint32_t pr_engine__floor_pow2(size_t n) {
  uint32_t p = 1;
  if (!n) return 0;
  while ((size_t)p * 2 <= n && p < (1u << 31)) p *= 2;
  return p;
}

/* An open-addressing table kept for `slot`, emptied (every byte `empty`):
 * its capacity in entries, a power of two, or 0 when none is kept. */
static uint32_t pr_engine__adopt_table(pr_review_run *run, int slot, void **table, size_t entry, int empty,
                                       uint32_t least) {
  pr_spare *sp = &run->cache->spare[slot];
  uint32_t cap = sp->data ? pr_engine__floor_pow2(sp->bytes / entry) : 0;
  if (cap < least || *table) return 0;
  memset(sp->data, empty, (size_t)cap * entry);
  *table = sp->data;
  *sp = (pr_spare){NULL, 0};
  return cap;
}

/* Sizes this review's arrays as the document's last review filled them: a
 * keystroke changes them little, and growing them from empty copies
 * megabytes on a large file. A large document's arrays are its last review's
 * own (pr_spare). */
static void pr_engine__reserve(pr_review_run *run) {
  const uint32_t *z = run->cache->sizes;
  pr_model *m = &run->model;
  pr_engine__adopt(run, PR_SPARE_SCOPES, (void **)&m->scopes, &m->scope_cap, sizeof *m->scopes);
  pr_engine__adopt(run, PR_SPARE_BINDINGS, (void **)&m->bindings, &m->binding_cap, sizeof *m->bindings);
  pr_engine__adopt(run, PR_SPARE_SYMBOLS, (void **)&m->symbols, &m->symbol_cap, sizeof *m->symbols);
  pr_engine__adopt(run, PR_SPARE_REFERENCES, (void **)&m->references, &m->reference_cap, sizeof *m->references);
  /* empty: PR_NONE in every slot (as pr_model__rehash fills a new one); the
     model has no symbol yet, so nothing is to be rehashed into it */
  uint32_t table = pr_engine__adopt_table(run, PR_SPARE_TABLE, (void **)&m->table, sizeof *m->table, 0xFF, 256);
  if (table) m->table_cap = table;
  if (run->hash_statements) {
    uint32_t cap = pr_engine__adopt_table(run, PR_SPARE_HASHES, (void **)&run->hashes, sizeof *run->hashes, 0, 1024);
    if (cap) run->hash_cap = cap;
  }
  pr_engine__adopt(run, PR_SPARE_EVENTS, (void **)&run->events, &run->event_cap, sizeof *run->events);
  pr_engine__adopt(run, PR_SPARE_KIDS, (void **)&run->kids, &run->kid_cap, sizeof *run->kids);
  pr_engine__adopt(run, PR_SPARE_FACTS, (void **)&run->facts, &run->fact_cap, sizeof *run->facts);
  pr_engine__adopt(run, PR_SPARE_FINDINGS, (void **)&run->findings, &run->finding_cap, sizeof *run->findings);
  pr_engine__adopt(run, PR_SPARE_SEGS, (void **)&run->segs, &run->seg_cap, sizeof *run->segs);
  if ((z[PR_SIZE_EVENTS] &&
       !pr_engine__grow(run, (void **)&run->events, &run->event_cap, z[PR_SIZE_EVENTS], sizeof *run->events)) ||
      (z[PR_SIZE_KIDS] && !pr_engine__grow(run, (void **)&run->kids, &run->kid_cap, z[PR_SIZE_KIDS], sizeof *run->kids)) ||
      (z[PR_SIZE_FACTS] &&
       !pr_engine__grow(run, (void **)&run->facts, &run->fact_cap, z[PR_SIZE_FACTS], sizeof *run->facts)) ||
      (z[PR_SIZE_FINDINGS] && !pr_engine__grow(run, (void **)&run->findings, &run->finding_cap, z[PR_SIZE_FINDINGS],
                                               sizeof *run->findings)) ||
      (z[PR_SIZE_SEGS] && !pr_engine__grow(run, (void **)&run->segs, &run->seg_cap, z[PR_SIZE_SEGS], sizeof *run->segs)))
    return;
  if (!pr_model_reserve(&run->model, z[PR_SIZE_SCOPES], z[PR_SIZE_BINDINGS], z[PR_SIZE_SYMBOLS],
                        z[PR_SIZE_REFERENCES]))
    run->oom = true;
}

/* What pr_engine__reserve reads next time. */
static void pr_engine__record_sizes(const pr_review_run *run) {
  uint32_t *z = run->cache->sizes;
  z[PR_SIZE_EVENTS] = run->event_count;
  z[PR_SIZE_KIDS] = run->kid_count;
  z[PR_SIZE_FACTS] = run->fact_total > run->fact_count ? run->fact_total : run->fact_count;
  z[PR_SIZE_FINDINGS] = run->finding_count;
  z[PR_SIZE_SEGS] = run->seg_count;
  z[PR_SIZE_SCOPES] = run->model.scope_count;
  z[PR_SIZE_BINDINGS] = run->model.binding_count;
  z[PR_SIZE_SYMBOLS] = run->model.symbol_count;
  z[PR_SIZE_REFERENCES] = run->model.reference_count;
}

static uint64_t pr_engine__options_key(const pr_review_run *run) {
  const pr_review_options *o = run->options;
  const char *path = o->path ? o->path : "";
  uint64_t h = pr_hash_bytes(path, strlen(path), o->test_file ? 1 : 2);
  h = pr_hash_bytes((const char *)run->rules, run->rule_count * sizeof *run->rules, h);
  /* kept results hold what rules reported under these settings */
  const pr_thresholds *t = o->thresholds ? o->thresholds : pr_thresholds_default();
  uint32_t nums[9] = {t->max_statements, t->max_test_statements, t->max_complexity, t->max_parameters,
                      t->max_nesting, t->docstring_statements, t->type_hints, t->type_hints_varargs,
                      t->logging_masks_set ? t->logging_mask_count + 1 : 0};
  h = pr_hash_bytes((const char *)nums, sizeof nums, h);
  for (uint32_t i = 0; t->logging_masks_set && i < t->logging_mask_count; i++)
    h = pr_hash_bytes(t->logging_masks[i], strlen(t->logging_masks[i]) + 1, h);
  if (o->severity) h = pr_hash_bytes((const char *)o->severity, pr_rule_count, h ^ 0x5E7);
  return h;
}

static void pr_engine__add_part(pr_key_part *whole, pr_key_part part) {
  whole->flags |= part.flags;
  whole->sum += part.sum;
}

/* The rules' file keys (rule.h: file_key), from the parts of every piece of
 * the text: a reused segment's parts are those it kept; a walked segment's
 * are computed and left in run->seg_parts for the cache; the text between
 * segments is digested on every review. */
static uint64_t pr_engine__file_keys(pr_review_run *run) {
  uint32_t keyed[PR_MAX_RULES], nkeys = 0;
  for (uint32_t r = 0; r < run->rule_count; r++)
    if (run->rules[r]->file_key && run->rules[r]->file_key_part) keyed[nkeys++] = r;
  if (!nkeys) return 0;
  run->key_count = nkeys;
  run->seg_parts = calloc((size_t)(run->seg_count ? run->seg_count : 1) * nkeys, sizeof *run->seg_parts);
  if (!run->seg_parts) { run->oom = true; return 0; }
  pr_key_part whole[PR_MAX_RULES];
  memset(whole, 0, sizeof whole);
  uint32_t at = 0;
  for (uint32_t k = 0; k <= run->seg_count; k++) {
    uint32_t to = k < run->seg_count ? run->segs[k].start : run->len;
    uint32_t from = at;
    /* the blank lines between two methods: nothing a key reads (rule.h) */
    while (from < to && pr_engine__blank(run->text[from])) from++;
    if (to > from)
      for (uint32_t j = 0; j < nkeys; j++)
        pr_engine__add_part(&whole[j], run->rules[keyed[j]]->file_key_part(run->text + from, to - from));
    if (k == run->seg_count) break;
    const pr_seg_run *sg = &run->segs[k];
    pr_key_part *mine = &run->seg_parts[(size_t)k * nkeys];
    if (sg->state == PR_SEG_REUSED && sg->kept->key_part_count == nkeys)
      memcpy(mine, sg->kept->key_parts, nkeys * sizeof *mine);
    else
      for (uint32_t j = 0; j < nkeys; j++)
        mine[j] = run->rules[keyed[j]]->file_key_part(run->text + sg->start, sg->end - sg->start);
    for (uint32_t j = 0; j < nkeys; j++) pr_engine__add_part(&whole[j], mine[j]);
    if (sg->end > at) at = sg->end;
  }
  uint64_t h = 0;
  for (uint32_t j = 0; j < nkeys; j++) {
    uint64_t key = run->rules[keyed[j]]->file_key(whole[j]);
    h = pr_hash_bytes((const char *)&key, sizeof key, h ^ keyed[j]);
  }
  return h;
}

/* The rule's index in this review, through a table of its pointer (kept
 * results name their rule by pointer; a keystroke looks up thousands). */
static uint32_t pr_engine__rule_slot(const pr_rule *rule) {
  uint64_t h = (uint64_t)(uintptr_t)rule * 0x9E3779B97F4A7C15ull;
  return (uint32_t)(h >> 56) & (PR_ENGINE_RULE_SLOTS - 1);
}

static void pr_engine__index_rules(pr_review_run *run) {
  for (uint32_t i = 0; i < PR_ENGINE_RULE_SLOTS; i++) run->rule_slots[i] = PR_NONE;
  for (uint32_t r = 0; r < run->rule_count; r++) {
    uint32_t i = pr_engine__rule_slot(run->rules[r]);
    while (run->rule_slots[i] != PR_NONE) i = (i + 1) & (PR_ENGINE_RULE_SLOTS - 1);
    run->rule_slots[i] = r;
  }
}

static uint32_t pr_engine__rule_index(const pr_review_run *run, const pr_rule *rule) {
  for (uint32_t i = pr_engine__rule_slot(rule);; i = (i + 1) & (PR_ENGINE_RULE_SLOTS - 1)) {
    uint32_t r = run->rule_slots[i];
    if (r == PR_NONE || run->rules[r] == rule) return r;
  }
}

/* Places (incremental.h): where an offset kept with segment k lies now. */
static uint32_t pr_engine__decode(const pr_review_run *run, const pr_seg_run *sg, pr_place p) {
  if (p.hops == UINT32_MAX) return PR_NONE;
  if (p.hops == 0) return sg->start + p.rel;
  uint32_t s = sg->scope;
  for (uint32_t h = 1; h < p.hops && s != PR_NONE; h++) s = run->model.scopes[s].parent;
  return s == PR_NONE ? 0 : ts_node_start_byte(run->model.scopes[s].node) + p.rel;
}

/* False when `at` is neither in the segment (its line end included) nor the
 * start of a scope around it: then nothing of the segment is kept (it is
 * walked again next time). */
static bool pr_engine__encode(const pr_review_run *run, const pr_seg_run *sg, uint32_t at, pr_place *out) {
  if (at == PR_NONE) { *out = PR_PLACE_NONE; return true; }
  if (at >= sg->start && at <= sg->end + sg->trail) { *out = (pr_place){0, at - sg->start}; return true; }
  uint32_t h = 1;
  for (uint32_t s = sg->scope; s != PR_NONE; s = run->model.scopes[s].parent, h++) {
    if (ts_node_start_byte(run->model.scopes[s].node) == at) { *out = (pr_place){h, 0}; return true; }
  }
  return false;
}

/* What reused segments contribute before the model is finished: the skeleton
 * names they read (marked used) and their suppression comments. */
static void pr_engine__replay(pr_review_run *run) {
  for (uint32_t k = 0; k < run->seg_count; k++) {
    const pr_seg_run *sg = &run->segs[k];
    if (sg->state != PR_SEG_REUSED) continue;
    const pr_segment_result *res = sg->kept;
    for (uint32_t i = 0; i < res->name_count; i++) {
      if (res->names[i].unbound) continue;
      uint32_t scope = sg->scope;
      for (uint32_t h = 0; h < res->names[i].hops && scope != PR_NONE; h++) scope = run->model.scopes[scope].parent;
      if (scope == PR_NONE) continue;
      uint32_t sym = pr_model_symbol(&run->model, scope, res->names[i].name, res->names[i].len);
      if (sym == PR_NONE) continue;
      pr_symbol *y = &run->model.symbols[sym];
      y->used = true;
      if (res->names[i].nested) y->read_nested = true;
      if (res->names[i].here) {
        uint32_t at = sg->start + res->names[i].last_here;
        if (!y->read_here || at > y->last_read) y->last_read = at;
        y->read_here = true;
      }
    }
    for (uint32_t i = 0; i < res->comment_count; i++) {
      uint32_t at = sg->start + res->comments[i];
      if (at + res->comment_lens[i] > run->len) continue;
      pr_suppressions_add(&run->suppressions, run->text + at, res->comment_lens[i], pr_line_index_row(run->lines, at),
                          at);
    }
  }
}

/* The findings reused segments keep, rebuilt at their new places. */
/* Fresh output positioned inside a reused segment can only come from the
 * skeleton (a raw-text scan, a function's name bound where it is defined):
 * the kept result holds the same item from when the segment was walked, so it
 * is counted once. These are the fresh items inside reused segments, each
 * matched at most once. */
typedef struct pr_fresh_item { uint32_t seg, index; bool matched; } pr_fresh_item;

static int pr_engine__fresh_order(const void *a, const void *b) {
  const pr_fresh_item *x = a, *y = b;
  if (x->seg != y->seg) return x->seg < y->seg ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static pr_fresh_item *pr_engine__fresh_in_reused(pr_review_run *run, uint32_t count, bool facts, uint32_t *n) {
  *n = 0;
  pr_fresh_item *items = NULL;
  uint32_t cap = 0;
  for (uint32_t i = 0; i < count; i++) {
    uint32_t at = facts ? run->facts[i].fact.start : run->findings[i]->start;
    uint32_t k = pr_engine__segment_at(run, at);
    if (k == PR_NONE || run->segs[k].state != PR_SEG_REUSED) continue;
    if (!pr_engine__grow(run, (void **)&items, &cap, *n + 1, sizeof *items)) break;
    items[(*n)++] = (pr_fresh_item){k, i, false};
  }
  /* by segment, then index (stable), so that a segment's items are one run:
     pr_engine__run_of (an insertion sort here was quadratic on a keystroke) */
  if (*n > 1) qsort(items, *n, sizeof *items, pr_engine__fresh_order);
  return items;
}

/* The run [*from, *to) of items of segment k. */
static void pr_engine__run_of(const pr_fresh_item *items, uint32_t n, uint32_t k, uint32_t *from, uint32_t *to) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (items[mid].seg < k) lo = mid + 1;
    else hi = mid;
  }
  *from = lo;
  while (lo < n && items[lo].seg == k) lo++;
  *to = lo;
}

static void pr_engine__reuse_findings_from(pr_review_run *run, pr_fresh_item *fresh, uint32_t nfresh) {
  for (uint32_t k = 0; k < run->seg_count && !run->oom; k++) {
    const pr_seg_run *sg = &run->segs[k];
    if (sg->state != PR_SEG_REUSED) continue;
    const pr_segment_result *res = sg->kept;
    uint32_t from, to;
    pr_engine__run_of(fresh, nfresh, k, &from, &to);
    for (uint32_t i = 0; i < res->finding_count; i++) {
      const pr_cached_finding *c = &res->findings[i];
      bool counted = false;
      for (uint32_t j = from; j < to && !counted; j++) {
        const pr_finding *x = run->findings[fresh[j].index];
        counted = !fresh[j].matched && fresh[j].seg == k && x->rule == c->rule &&
                  x->start == pr_engine__decode(run, sg, c->start) && x->end == pr_engine__decode(run, sg, c->end) &&
                  !strcmp(x->message, c->message);
        if (counted) fresh[j].matched = true;
      }
      if (counted) continue;
      pr_finding *f = pr_arena_alloc(run->arena, sizeof *f);
      char *message = f ? pr_arena_strndup(run->arena, c->message, strlen(c->message)) : NULL;
      if (!message ||
          !pr_engine__grow(run, (void **)&run->findings, &run->finding_cap, run->finding_count + 1,
                           sizeof *run->findings)) {
        run->oom = true;
        return;
      }
      f->rule = c->rule;
      f->severity = c->severity;
      f->start = pr_engine__decode(run, sg, c->start);
      f->end = pr_engine__decode(run, sg, c->end);
      f->stmt_start = pr_engine__decode(run, sg, c->stmt_start);
      f->stmt_end = pr_engine__decode(run, sg, c->stmt_end);
      f->message = message;
      if (c->related_count) {
        f->related = pr_arena_alloc(run->arena, c->related_count * sizeof *f->related);
        if (!f->related) { run->oom = true; return; }
        f->related_cap = c->related_count;
        for (uint32_t j = 0; j < c->related_count; j++) {
          pr_related *r = &f->related[f->related_count++];
          r->start = pr_engine__decode(run, sg, c->related[j].start);
          r->end = pr_engine__decode(run, sg, c->related[j].end);
          r->message = pr_arena_strndup(run->arena, c->related[j].message, strlen(c->related[j].message));
          if (!r->message) { run->oom = true; return; }
        }
      }
      if (c->fix_message) {
        f->fix_message = pr_arena_strndup(run->arena, c->fix_message, strlen(c->fix_message));
        f->edits = c->edit_count ? pr_arena_alloc(run->arena, c->edit_count * sizeof *f->edits) : NULL;
        if (!f->fix_message || (c->edit_count && !f->edits)) { run->oom = true; return; }
        f->edit_cap = c->edit_count;
        for (uint32_t j = 0; j < c->edit_count; j++) {
          pr_edit *e = &f->edits[f->edit_count++];
          e->start = pr_engine__decode(run, sg, c->edits[j].start);
          e->end = pr_engine__decode(run, sg, c->edits[j].end);
          e->text = pr_arena_strndup(run->arena, c->edits[j].message, strlen(c->edits[j].message));
          if (!e->text) { run->oom = true; return; }
        }
      }
      run->findings[run->finding_count++] = f;
    }
  }
}

static void pr_engine__reuse_findings(pr_review_run *run) {
  uint32_t nfresh;
  pr_fresh_item *fresh = pr_engine__fresh_in_reused(run, run->kept_findings, false, &nfresh);
  pr_engine__reuse_findings_from(run, fresh, nfresh);
  free(fresh);
}

static char *pr_engine__strdup(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (d) { memcpy(d, s, n); d[n] = 0; }
  return d;
}

/* Fills `res` with what walked segment k produced. False when it cannot be
 * kept (out of memory, or an offset that is no place of the segment).
 * `fmine`/`xmine`: the indices of its kept findings and fresh facts, in order. */
static int pr_engine__fact_compare(const void *a, const void *b);
static bool pr_engine__facts_sorted(const pr_fact_rec *a, uint32_t n);
static uint64_t pr_engine__deps(pr_review_run *run, uint32_t seg_scope, const pr_segment_result *res);

static bool pr_engine__keep_segment(pr_review_run *run, uint32_t k, pr_segment_result *res, const uint32_t *fmine,
                                    uint32_t fcount, const uint32_t *xmine, uint32_t xcount) {
  const pr_seg_run *sg = &run->segs[k];
  if (fcount) {
    res->findings = calloc(fcount, sizeof *res->findings);
    if (!res->findings) return false;
    for (uint32_t t = 0; t < fcount; t++) {
      const pr_finding *f = run->findings[fmine[t]];
      pr_cached_finding *c = &res->findings[res->finding_count++];
      c->rule = f->rule;
      c->severity = f->severity;
      if (!pr_engine__encode(run, sg, f->start, &c->start) || !pr_engine__encode(run, sg, f->end, &c->end) ||
          !pr_engine__encode(run, sg, f->stmt_start, &c->stmt_start) ||
          !pr_engine__encode(run, sg, f->stmt_end, &c->stmt_end))
        return false;
      c->message = pr_engine__strdup(f->message, strlen(f->message));
      if (!c->message) return false;
      if (f->related_count) {
        c->related = calloc(f->related_count, sizeof *c->related);
        if (!c->related) return false;
        for (uint32_t j = 0; j < f->related_count; j++) {
          pr_cached_related *r = &c->related[c->related_count++];
          if (!pr_engine__encode(run, sg, f->related[j].start, &r->start) ||
              !pr_engine__encode(run, sg, f->related[j].end, &r->end))
            return false;
          r->message = pr_engine__strdup(f->related[j].message, strlen(f->related[j].message));
          if (!r->message) return false;
        }
      }
      if (f->fix_message) {
        c->fix_message = pr_engine__strdup(f->fix_message, strlen(f->fix_message));
        if (!c->fix_message) return false;
        if (f->edit_count) {
          c->edits = calloc(f->edit_count, sizeof *c->edits);
          if (!c->edits) return false;
        }
        for (uint32_t j = 0; j < f->edit_count; j++) {
          pr_cached_related *e = &c->edits[c->edit_count++];
          if (!pr_engine__encode(run, sg, f->edits[j].start, &e->start) ||
              !pr_engine__encode(run, sg, f->edits[j].end, &e->end))
            return false;
          e->message = pr_engine__strdup(f->edits[j].text, strlen(f->edits[j].text));
          if (!e->message) return false;
        }
      }
    }
  }
  if (xcount) {
    res->facts = calloc(xcount, sizeof *res->facts);
    /* kept in order (pr_engine__sort_facts merges them with fresh ones) */
    pr_fact_rec *mine = malloc(xcount * sizeof *mine);
    if (!res->facts || !mine) { free(mine); return false; }
    uint32_t n = 0;
    for (uint32_t t = 0; t < xcount; t++) mine[n++] = run->facts[xmine[t]];
    if (!pr_engine__facts_sorted(mine, n)) qsort(mine, n, sizeof *mine, pr_engine__fact_compare);
    for (uint32_t i = 0; i < n; i++) {
      const pr_fact *x = &mine[i].fact;
      pr_cached_fact *c = &res->facts[res->fact_count++];
      c->rule = run->rules[mine[i].rule];
      if (!pr_engine__encode(run, sg, x->start, &c->start) || !pr_engine__encode(run, sg, x->end, &c->end) ||
          !pr_engine__encode(run, sg, x->ref[0], &c->ref[0]) || !pr_engine__encode(run, sg, x->ref[1], &c->ref[1])) {
        free(mine);
        return false;
      }
      c->tag = x->tag;
      c->value = x->value;
      if (x->text) {
        c->text = pr_engine__strdup(x->text, x->text_len);
        if (!c->text) { free(mine); return false; }
        c->text_len = x->text_len;
      }
    }
    free(mine);
  }
  const pr_model *m = &run->model;
  /* its test classes, for the test-code filter of later reviews */
  uint32_t tc = 0;
  for (uint32_t i = sg->scope_begin; i < sg->scope_end; i++) tc += m->scopes[i].is_test_class;
  if (tc) {
    res->test_classes = malloc(2 * tc * sizeof *res->test_classes);
    if (!res->test_classes) return false;
    for (uint32_t i = sg->scope_begin; i < sg->scope_end; i++) {
      if (!m->scopes[i].is_test_class) continue;
      res->test_classes[2 * res->test_class_count] = ts_node_start_byte(m->scopes[i].node) - sg->start;
      res->test_classes[2 * res->test_class_count + 1] = ts_node_end_byte(m->scopes[i].node) - sg->start;
      res->test_class_count++;
    }
  }
  /* the skeleton names it reads, once each, and the names it reads that
     nothing binds (a later binding of one changes what they mean) */
  uint32_t cap = 0, slots = 16;
  while (slots < 2 * (sg->ref_end - sg->ref_begin)) slots *= 2;
  uint32_t *table = malloc(slots * sizeof *table);
  if (!table) return false;
  memset(table, 0xff, slots * sizeof *table);  /* PR_NONE */
  for (uint32_t i = sg->ref_begin; i < sg->ref_end; i++) {
    uint32_t sym = m->references[i].symbol, hops = 0, owner = PR_NONE, name_len;
    const char *name;
    if (sym == PR_NONE) {
      name = pr_node_text(run->text, m->references[i].node, &name_len);
    } else {
      owner = m->symbols[sym].scope;
      if (owner >= sg->scope_begin && owner < sg->scope_end) continue;
      uint32_t s = sg->scope;
      while (s != PR_NONE && s != owner) { s = m->scopes[s].parent; hops++; }
      if (s == PR_NONE) continue;
      name = m->symbols[sym].name;
      name_len = m->symbols[sym].name_len;
    }
    bool unbound = sym == PR_NONE, here = !unbound && m->references[i].scope == owner;
    uint32_t at = ts_node_start_byte(m->references[i].node) - sg->start;
    /* found through a table of the names so far: a function may read
       thousands of distinct names */
    uint64_t key = pr_hash_bytes(name, name_len, ((uint64_t)hops << 1) | unbound);
    uint32_t slot = (uint32_t)key & (slots - 1);
    pr_cached_name *n = NULL;
    for (; table[slot] != PR_NONE && !n; slot = (slot + 1) & (slots - 1)) {
      pr_cached_name *c = &res->names[table[slot]];
      if (c->hops == hops && c->unbound == unbound && c->len == name_len && !memcmp(c->name, name, name_len)) n = c;
    }
    if (!n) {
      table[slot] = res->name_count;
      if (res->name_count == cap) {
        cap = cap ? cap * 2 : 8;
        pr_cached_name *nn = realloc(res->names, cap * sizeof *nn);
        if (!nn) { free(table); return false; }
        res->names = nn;
      }
      n = &res->names[res->name_count];
      memset(n, 0, sizeof *n);
      n->name = pr_engine__strdup(name, name_len);
      if (!n->name) { free(table); return false; }
      n->len = name_len;
      n->hops = hops;
      n->unbound = unbound;
      res->name_count++;
    }
    if (unbound) continue;
    if (!here) {
      n->nested = true;
    } else if (!n->here || at > n->last_here) {
      n->here = true;
      n->last_here = at;
    }
  }
  free(table);
  return true;
}

static bool pr_engine__keep_comments(pr_review_run *run, pr_segment_result *res, uint32_t k, uint32_t count) {
  if (!count) return true;
  res->comments = malloc(count * sizeof *res->comments);
  res->comment_lens = malloc(count * sizeof *res->comment_lens);
  if (!res->comments || !res->comment_lens) return false;
  for (uint32_t i = 0; i < run->comment_count; i++) {
    if (run->comments[i].seg != k) continue;
    res->comments[res->comment_count] = run->comments[i].start - run->segs[k].start;
    res->comment_lens[res->comment_count++] = run->comments[i].len;
  }
  return true;
}

/* What every kept result assumes about the file beyond its own segment and
 * the skeleton it read: rules' file keys, the text of `global` segments,
 * the Python 2 and test-code verdicts. */
static uint64_t pr_engine__state_key(uint64_t file_keys, uint64_t globals, bool python2, bool test_code) {
  uint64_t v[3] = {file_keys, globals, (uint64_t)python2 | (uint64_t)test_code << 1};
  return pr_hash_bytes((const char *)v, sizeof v, 0x57A7E);
}

/* Carries the results the review did not use into `next`, the least idle
 * first: at most twice as many as it holds already (so a cache holds at most
 * three times what the last review used, plus a few), each for at most
 * PR_CACHE_IDLE_MAX reviews. The rest is freed. */
static bool pr_engine__retain(pr_review_cache *c, pr_review_cache *next) {
  uint32_t per_idle[PR_CACHE_IDLE_MAX] = {0}, budget = 2 * next->count + 64, cut = 0, taken = 0;
  for (uint32_t i = 0; i < c->cap; i++) {
    pr_segment_result *o = c->results[i];
    if (o && o->kept_in != c->serial && o->idle < PR_CACHE_IDLE_MAX) per_idle[o->idle]++;
  }
  /* whole idle levels up to `cut`, then part of level `cut` */
  while (cut < PR_CACHE_IDLE_MAX && taken + per_idle[cut] <= budget) taken += per_idle[cut++];
  uint32_t partial = budget - taken;
  bool ok = true;
  for (uint32_t i = 0; i < c->cap; i++) {
    pr_segment_result *o = c->results[i];
    if (!o || o->kept_in == c->serial) continue;
    if (ok && (o->idle < cut || (o->idle == cut && partial && partial--))) {
      o->idle++;
      ok = pr_review_cache_put(next, o);  /* frees o when it repeats one or memory runs out */
    } else {
      pr_segment_result_free(o);
    }
  }
  return ok;
}

/* Replaces the cache's results with this review's: the reused ones move over,
 * walked segments get new ones, the unused ones stay a while (retain). */
static void pr_engine__keep(pr_review_run *run, uint64_t skeleton, uint64_t options, uint64_t state) {
  pr_review_cache *c = run->cache;
  pr_review_cache next = {0};
  uint32_t n = run->seg_count;
  c->last_unkept = 0;
  uint32_t *counts = calloc((size_t)(n ? n : 1) * 3, sizeof *counts);  /* findings, facts, comments */
  uint32_t *fseg = malloc((run->kept_findings ? run->kept_findings : 1) * sizeof *fseg);
  uint32_t *xseg = malloc((run->fact_count ? run->fact_count : 1) * sizeof *xseg);
  bool ok = counts && fseg && xseg;
  if (ok) {
    for (uint32_t i = 0; i < run->kept_findings; i++) {
      fseg[i] = run->findings[i]->outside ? PR_NONE : pr_engine__segment_at(run, run->findings[i]->start);
      if (fseg[i] != PR_NONE) counts[3 * fseg[i]]++;
    }
    for (uint32_t i = 0; i < run->fact_count; i++) {
      xseg[i] = run->facts[i].outside ? PR_NONE : pr_engine__segment_at(run, run->facts[i].fact.start);
      if (xseg[i] != PR_NONE) counts[3 * xseg[i] + 1]++;
    }
    for (uint32_t i = 0; i < run->comment_count; i++) counts[3 * run->comments[i].seg + 2]++;
  }
  /* each segment's findings and facts, listed together (a counting sort, in
     order), so that keeping them costs one pass, not one pass per segment */
  uint32_t *forder = malloc((run->kept_findings ? run->kept_findings : 1) * sizeof *forder);
  uint32_t *xorder = malloc((run->fact_count ? run->fact_count : 1) * sizeof *xorder);
  uint32_t *ffirst = calloc((size_t)n + 1, sizeof *ffirst), *xfirst = calloc((size_t)n + 1, sizeof *xfirst);
  ok = ok && forder && xorder && ffirst && xfirst;
  if (ok) {
    for (uint32_t k = 0; k < n; k++) {
      ffirst[k + 1] = ffirst[k] + counts[3 * k];
      xfirst[k + 1] = xfirst[k] + counts[3 * k + 1];
    }
    uint32_t *fat = malloc(((size_t)n + 1) * sizeof *fat), *xat = malloc(((size_t)n + 1) * sizeof *xat);
    ok = fat && xat;
    if (ok) {
      memcpy(fat, ffirst, ((size_t)n + 1) * sizeof *fat);
      memcpy(xat, xfirst, ((size_t)n + 1) * sizeof *xat);
      for (uint32_t i = 0; i < run->kept_findings; i++)
        if (fseg[i] != PR_NONE) forder[fat[fseg[i]]++] = i;
      for (uint32_t i = 0; i < run->fact_count; i++)
        if (xseg[i] != PR_NONE) xorder[xat[xseg[i]]++] = i;
    }
    free(fat);
    free(xat);
  }
  /* the reused results first: a walked result that repeats one is freed, never a reused one (the old table
     still holds it) */
  for (uint32_t k = 0; k < n && ok; k++) {
    const pr_seg_run *sg = &run->segs[k];
    if (sg->state != PR_SEG_REUSED || sg->kept->kept_in == c->serial) continue;
    if (sg->kept->skeleton != skeleton) {  /* its deps were found to hold under it */
      sg->kept->skeleton_before = sg->kept->skeleton;
      sg->kept->skeleton = skeleton;
    }
    sg->kept->idle = 0;
    sg->kept->kept_in = c->serial;
    ok = pr_review_cache_put(&next, sg->kept);
  }
  for (uint32_t k = 0; k < n && ok; k++) {
    const pr_seg_run *sg = &run->segs[k];
    if (sg->state == PR_SEG_REUSED) continue;
    if (sg->has_error || (sg->flags & PR_SEGF_GLOBAL)) continue;  /* walked every time */
    pr_segment_result *r = calloc(1, sizeof *r);
    if (!r) { ok = false; break; }
    r->hash = sg->hash;
    r->context = sg->context;
    r->len = sg->end - sg->start;
    r->python2 = sg->flags & PR_SEGF_PY2;
    if (run->seg_parts && run->key_count) {
      r->key_parts = malloc(run->key_count * sizeof *r->key_parts);
      if (r->key_parts) {
        memcpy(r->key_parts, &run->seg_parts[(size_t)k * run->key_count], run->key_count * sizeof *r->key_parts);
        r->key_part_count = run->key_count;
      }
    }
    if (!pr_engine__keep_segment(run, k, r, forder + ffirst[k], counts[3 * k], xorder + xfirst[k], counts[3 * k + 1]) ||
        !pr_engine__keep_comments(run, r, k, counts[3 * k + 2])) {
      pr_segment_result_free(r);
      c->last_unkept++;
      continue;
    }
    r->deps = pr_engine__deps(run, sg->scope, r);
    r->skeleton = r->skeleton_before = skeleton;
    r->state = state;
    r->kept_in = c->serial;
    if (!pr_review_cache_put(&next, r)) ok = false;
  }
  free(counts);
  free(fseg);
  free(xseg);
  free(forder);
  free(xorder);
  free(ffirst);
  free(xfirst);
  /* results computed under other options never match again: freed */
  if (ok && c->valid && c->options == options) {
    ok = pr_engine__retain(c, &next);
  } else {
    for (uint32_t i = 0; i < c->cap; i++)
      if (c->results[i] && c->results[i]->kept_in != c->serial) pr_segment_result_free(c->results[i]);
  }
  free(c->results);
  c->results = next.results;
  c->cap = next.cap;
  c->count = next.count;
  c->valid = ok;
  if (!ok) pr_review_cache_clear(c);
  c->options = options;
}

/* ---------- what a segment read of the skeleton ---------- */

/* One binding as a function that reads it may see it: its kind, flags,
 * name, imported name and statement (a class: its header, decorators
 * included; a def: its name only). The same as the skeleton key reads. */
static uint64_t pr_engine__binding_hash(const pr_review_run *run, const pr_binding *b, uint64_t h) {
  uint64_t head = ((uint64_t)b->kind << 32) | (b->flags & ~(uint32_t)PR_BF_USED);
  h = pr_hash_bytes((const char *)&head, sizeof head, h);
  h = pr_hash_bytes(b->name, b->name_len, h);
  if (b->qualified) h = pr_hash_bytes(b->qualified, strlen(b->qualified), h);
  TSNode st = b->statement;
  if (ts_node_is_null(st) || b->kind == PR_BIND_FUNCTION) return h;
  uint32_t s = ts_node_start_byte(st), e = ts_node_end_byte(st);
  if (b->kind == PR_BIND_CLASS) {
    TSNode body = pr_child(st, pr_field_body);
    if (!ts_node_is_null(body)) e = ts_node_start_byte(body);
    TSNode d = pr_model_decorated(&run->model, st);
    if (!ts_node_is_null(d)) s = ts_node_start_byte(d);
  }
  if (e > run->len || s > e) return h;
  return pr_hash_bytes(run->text + s, e - s, h);
}

/* The memos of pr_engine__deps, allocated when first needed. */
static bool pr_engine__dep_memos(pr_review_run *run) {
  const pr_model *m = &run->model;
  if (!run->dep_symbols) {
    run->dep_symbols = calloc(m->symbol_count ? m->symbol_count : 1, sizeof *run->dep_symbols);
    run->dep_symbol_count = m->symbol_count;
  }
  if (!run->dep_classes) {
    run->dep_classes = calloc(m->scope_count ? m->scope_count : 1, sizeof *run->dep_classes);
    /* every class's own bindings but its methods (rules reach those
       through facts), in document order, then its header */
    for (uint32_t i = 0; run->dep_classes && i < m->binding_count; i++) {
      const pr_binding *b = &m->bindings[i];
      if (m->scopes[b->scope].kind != PR_SCOPE_CLASS || b->kind == PR_BIND_FUNCTION) continue;
      run->dep_classes[b->scope] = pr_engine__binding_hash(run, b, run->dep_classes[b->scope] ^ 0xC1A5);
    }
  }
  return run->dep_symbols && run->dep_classes;
}

/* Everything bound to one name in one scope (methods aside). */
static uint64_t pr_engine__symbol_deps(pr_review_run *run, uint32_t sym) {
  const pr_model *m = &run->model;
  bool memo = sym < run->dep_symbol_count;
  if (memo && run->dep_symbols[sym]) return run->dep_symbols[sym];
  const pr_symbol *y = &m->symbols[sym];
  uint64_t h = 0x5E7 ^ ((uint64_t)y->declared_global << 1) ^ ((uint64_t)y->declared_nonlocal << 2);
  bool class_scope = m->scopes[y->scope].kind == PR_SCOPE_CLASS, any = y->declared_global || y->declared_nonlocal;
  for (uint32_t b = y->first; b != PR_NONE; b = m->bindings[b].next) {
    const pr_binding *bd = &m->bindings[b];
    if (class_scope && bd->kind == PR_BIND_FUNCTION) continue;
    h = pr_engine__binding_hash(run, bd, h);
    any = true;
    if (bd->kind == PR_BIND_CLASS) {
      /* `Config.TIMEOUT`: rules read a class's own bindings through its name */
      uint32_t cls = pr_model_scope_of_node(m, bd->statement);
      if (cls != PR_NONE && m->scopes[cls].kind == PR_SCOPE_CLASS)
        h = pr_hash_bytes((const char *)&run->dep_classes[cls], sizeof run->dep_classes[cls], h);
    }
  }
  if (!any || !h) h = 1;  /* as if the scope had no such name */
  if (memo) run->dep_symbols[sym] = h;
  return h;
}

/* What a segment read of the skeleton, so that a kept result can be checked
 * on its own when the skeleton changed: the classes around it (their own
 * bindings and headers), and for each name it reads (bound around it or
 * not) what every scope around it binds to that name. A name bound nowhere
 * stays so, or the segment is walked again. Depends only on text, never on
 * offsets or scope numbers, so it is comparable across reviews. 0 when out
 * of memory (never equal to a real one: the hash of a segment is never 0
 * here but by chance). */
static uint64_t pr_engine__deps(pr_review_run *run, uint32_t seg_scope, const pr_segment_result *res) {
  const pr_model *m = &run->model;
  if (!pr_engine__dep_memos(run)) return 0;
  uint64_t h = 0xDE95;
  for (uint32_t s = seg_scope; s != PR_NONE; s = m->scopes[s].parent) {
    if (m->scopes[s].kind != PR_SCOPE_CLASS) continue;
    uint64_t c = run->dep_classes[s];
    TSNode def = m->scopes[s].node, body = pr_child(def, pr_field_body), d = pr_model_decorated(m, def);
    uint32_t from = ts_node_start_byte(ts_node_is_null(d) ? def : d);
    uint32_t to = ts_node_is_null(body) ? ts_node_end_byte(def) : ts_node_start_byte(body);
    if (from <= to && to <= run->len) c = pr_hash_bytes(run->text + from, to - from, c);
    h = pr_hash_bytes((const char *)&c, sizeof c, h);
    /* and what the names of its header are bound to (a base imported from
       django.test, or a test class of the file: rules judge its methods by it) */
    TSTreeCursor cur = ts_tree_cursor_new(ts_node_is_null(d) ? def : d);
    for (bool more = true; more;) {
      TSNode n = ts_tree_cursor_current_node(&cur);
      uint32_t ns = ts_node_start_byte(n);
      if (ns >= to) break;
      if (pr_node_kind(n) == pr_kind_identifier) {
        uint32_t len;
        const char *name = pr_node_text(run->text, n, &len);
        for (uint32_t up = m->scopes[s].parent; up != PR_NONE; up = m->scopes[up].parent) {
          uint32_t sym = pr_model_symbol(m, up, name, len);
          uint64_t v = sym == PR_NONE ? 1 : pr_engine__symbol_deps(run, sym);
          h = pr_hash_bytes((const char *)&v, sizeof v, h);
        }
      }
      if (ts_tree_cursor_goto_first_child(&cur)) continue;
      while (!(more = ts_tree_cursor_goto_next_sibling(&cur)))
        if (!ts_tree_cursor_goto_parent(&cur)) break;
    }
    ts_tree_cursor_delete(&cur);
  }
  for (uint32_t i = 0; i < res->name_count; i++) {
    const pr_cached_name *n = &res->names[i];
    h = pr_hash_bytes(n->name, n->len, h ^ (((uint64_t)n->hops << 1) | n->unbound));
    for (uint32_t s = seg_scope; s != PR_NONE; s = m->scopes[s].parent) {
      uint32_t sym = pr_model_symbol(m, s, n->name, n->len);
      uint64_t v = sym == PR_NONE ? 1 : pr_engine__symbol_deps(run, sym);
      h = pr_hash_bytes((const char *)&v, sizeof v, h);
    }
  }
  return h;
}

/* What rules can see of the skeleton (incremental.h): every binding of the
 * module and of the classes outside segments, in document order, with its
 * statement (a class: its header; a def: its name only; a method: nothing),
 * and the classes' test-ness. Comments, syntax errors and the segments'
 * bodies do not enter. */
static uint64_t pr_engine__skeleton_key(const pr_review_run *run) {
  const pr_model *m = &run->model;
  /* scope ids depend on which segments were walked: number the skeleton's own */
  uint32_t *ordinal = calloc(m->scope_count ? m->scope_count : 1, sizeof *ordinal);
  if (!ordinal) return 0;
  for (uint32_t k = 0; k < run->seg_count; k++)
    for (uint32_t s = run->segs[k].scope_begin; s < run->segs[k].scope_end; s++) ordinal[s] = PR_NONE;
  for (uint32_t s = 0, next = 0; s < m->scope_count; s++)
    if (ordinal[s] != PR_NONE) ordinal[s] = next++;
  uint64_t h = 0x5CE1;
  for (uint32_t i = 0; i < m->binding_count; i++) {
    const pr_binding *b = &m->bindings[i];
    const pr_scope *sc = &m->scopes[b->scope];
    if (ordinal[b->scope] == PR_NONE || (sc->kind != PR_SCOPE_MODULE && sc->kind != PR_SCOPE_CLASS)) continue;
    /* a class's methods are looked up through facts (TST003), never from a
       kept result: a method swallowed by a syntax error above it, or a new
       one, changes nothing the other methods' results depend on */
    if (b->kind == PR_BIND_FUNCTION && sc->kind == PR_SCOPE_CLASS) continue;
    uint64_t where[2] = {ordinal[b->scope], sc->kind == PR_SCOPE_CLASS && sc->is_test_class};
    h = pr_engine__binding_hash(run, b, pr_hash_bytes((const char *)where, sizeof where, h));
  }
  free(ordinal);
  return h;
}

/* A total order on facts (only identical facts tie), so that a full review
 * and one that merges kept facts hand on_facts the same sequence. */
static int pr_engine__fact_compare(const void *a, const void *b) {
  const pr_fact_rec *x = a, *y = b;
  if (x->rule != y->rule) return x->rule < y->rule ? -1 : 1;
  if (x->fact.start != y->fact.start) return x->fact.start < y->fact.start ? -1 : 1;
  if (x->fact.end != y->fact.end) return x->fact.end < y->fact.end ? -1 : 1;
  if (x->fact.tag != y->fact.tag) return x->fact.tag < y->fact.tag ? -1 : 1;
  if (x->fact.value != y->fact.value) return x->fact.value < y->fact.value ? -1 : 1;
  for (int k = 0; k < 2; k++)
    if (x->fact.ref[k] != y->fact.ref[k]) return x->fact.ref[k] < y->fact.ref[k] ? -1 : 1;
  uint32_t n = x->fact.text_len < y->fact.text_len ? x->fact.text_len : y->fact.text_len;
  int c = n ? memcmp(x->fact.text, y->fact.text, n) : 0;
  if (c) return c;
  return x->fact.text_len < y->fact.text_len ? -1 : x->fact.text_len > y->fact.text_len;
}

/* Merges the sorted runs a[0..cut) and a[cut..n) in place, stably: the facts
 * of a keystroke review are those recorded (in walk order) followed by those
 * kept with unchanged functions (in document order). False when out of memory. */
static bool pr_engine__merge_facts(pr_review_cache *cache, pr_fact_rec *a, uint32_t cut, uint32_t n) {
  uint32_t right = n - cut;
  size_t got;
  pr_fact_rec *tmp = pr_engine__scratch(cache, PR_SPARE_MERGE, (size_t)right * sizeof *tmp, &got);
  if (!tmp) return false;
  memcpy(tmp, a + cut, (size_t)right * sizeof *tmp);
  uint32_t i = cut, j = right, o = n;
  /* from the back: on a tie the right run's fact goes last, keeping the order */
  while (j > 0) {
    if (i > 0 && pr_engine__fact_compare(&a[i - 1], &tmp[j - 1]) > 0) a[--o] = a[--i];
    else a[--o] = tmp[--j];
  }
  pr_engine__give_back(cache, PR_SPARE_MERGE, tmp, got);
  return true;
}

/* True when a[0..n) is in order. */
static bool pr_engine__facts_sorted(const pr_fact_rec *a, uint32_t n) {
  for (uint32_t i = 1; i < n; i++)
    if (pr_engine__fact_compare(&a[i - 1], &a[i]) > 0) return false;
  return true;
}

/* Copies run->facts to `out` grouped by rule (a counting sort, stable), then
 * sorts each rule's facts. Its facts are the `fresh` ones recorded in this
 * review, then those kept with unchanged functions, which are in order (each
 * segment keeps its facts sorted, and segments come in document order). On a
 * keystroke the fresh part is small: it is sorted when it is not in order,
 * and the two parts are merged, so a rule that records its facts from a hash
 * table (NAM001) does not sort the whole file's facts on every review. */
static void pr_engine__sort_facts(const pr_review_run *run, uint32_t fresh, pr_fact_rec *out) {
  uint32_t first[PR_MAX_RULES + 1] = {0}, fresh_of[PR_MAX_RULES] = {0};
  for (uint32_t i = 0; i < run->fact_count; i++) {
    first[run->facts[i].rule + 1]++;
    if (i < fresh) fresh_of[run->facts[i].rule]++;
  }
  for (uint32_t r = 0; r < PR_MAX_RULES; r++) first[r + 1] += first[r];
  uint32_t at[PR_MAX_RULES];
  memcpy(at, first, sizeof at);
  for (uint32_t i = 0; i < run->fact_count; i++) out[at[run->facts[i].rule]++] = run->facts[i];
  for (uint32_t r = 0; r < PR_MAX_RULES; r++) {
    uint32_t from = first[r], to = first[r + 1], cut = from + fresh_of[r];
    if (to - from < 2) continue;
    if (!pr_engine__facts_sorted(out + from, cut - from))
      qsort(out + from, cut - from, sizeof *out, pr_engine__fact_compare);
    /* kept facts are in order by construction; a pass confirms it, since
       on_facts would silently misjudge facts out of order */
    if (!pr_engine__facts_sorted(out + cut, to - cut))
      qsort(out + cut, to - cut, sizeof *out, pr_engine__fact_compare);
    if (cut > from && cut < to && pr_engine__fact_compare(&out[cut - 1], &out[cut]) > 0 &&
        !pr_engine__merge_facts(run->cache, out + from, cut - from, to - from))
      qsort(out + from, to - from, sizeof *out, pr_engine__fact_compare);
  }
}

/* on_facts: the facts recorded in this review and those reused segments keep,
 * by rule and position. */
static void pr_engine__dispatch_facts(pr_review_run *run, pr_ctx *ctx) {
  bool any = false;
  for (uint32_t r = 0; r < run->rule_count && !any; r++) any = run->rules[r]->on_facts != NULL;
  if (!any) return;
  uint32_t fresh = run->fact_count, nfresh;
  pr_fresh_item *items = pr_engine__fresh_in_reused(run, fresh, true, &nfresh);
  for (uint32_t k = 0; k < run->seg_count && !run->oom; k++) {
    const pr_seg_run *sg = &run->segs[k];
    if (sg->state != PR_SEG_REUSED) continue;
    const pr_segment_result *res = sg->kept;
    uint32_t from, to;
    pr_engine__run_of(items, nfresh, k, &from, &to);
    const pr_rule *last_rule = NULL;
    uint32_t r = PR_NONE;
    for (uint32_t i = 0; i < res->fact_count; i++) {
      const pr_cached_fact *c = &res->facts[i];
      /* a segment's facts come in runs of one rule: look the index up once a run */
      if (c->rule != last_rule) { r = pr_engine__rule_index(run, c->rule); last_rule = c->rule; }
      if (r == PR_NONE) continue;
      pr_fact x = {.start = pr_engine__decode(run, sg, c->start),
                   .end = pr_engine__decode(run, sg, c->end),
                   .ref = {pr_engine__decode(run, sg, c->ref[0]), pr_engine__decode(run, sg, c->ref[1])},
                   .tag = c->tag, .value = c->value, .text = c->text, .text_len = c->text_len};
      bool counted = false;
      for (uint32_t j = from; j < to && !counted; j++) {
        const pr_fact_rec *y = &run->facts[items[j].index];
        counted = !items[j].matched && items[j].seg == k && y->rule == r && y->fact.start == x.start &&
                  y->fact.end == x.end && y->fact.ref[0] == x.ref[0] && y->fact.ref[1] == x.ref[1] &&
                  y->fact.tag == x.tag && y->fact.value == x.value && y->fact.text_len == x.text_len &&
                  (!x.text_len || !memcmp(y->fact.text, x.text, x.text_len));
        if (counted) items[j].matched = true;
      }
      if (counted) continue;
      if (!pr_engine__grow(run, (void **)&run->facts, &run->fact_cap, run->fact_count + 1, sizeof *run->facts)) {
        free(items);
        return;
      }
      run->facts[run->fact_count++] = (pr_fact_rec){r, x, false};
    }
  }
  free(items);
  /* sort a copy: the fresh facts keep their order for the cache */
  size_t sorted_bytes, list_bytes;
  pr_fact_rec *sorted =
      pr_engine__scratch(run->cache, PR_SPARE_SORTED, (size_t)run->fact_count * sizeof *sorted, &sorted_bytes);
  pr_fact *list = pr_engine__scratch(run->cache, PR_SPARE_LIST, (size_t)run->fact_count * sizeof *list, &list_bytes);
  if (!sorted || !list) { free(sorted); free(list); run->oom = true; return; }
  if (run->fact_count) pr_engine__sort_facts(run, fresh, sorted);
  ctx->parent = (TSNode){0};
  ctx->scope = 0;
  ctx->own_scope = PR_NONE;
  uint32_t i = 0;
  for (uint32_t r = 0; r < run->rule_count && !run->oom; r++) {
    uint32_t n = 0;
    while (i < run->fact_count && sorted[i].rule == r) list[n++] = sorted[i++].fact;
    if (!run->rules[r]->on_facts) continue;
    run->current_rule = r;
    ctx->rule = run->rules[r];
    ctx->state = run->states[r];
    ctx->rule->on_facts(ctx, list, n);
  }
  pr_engine__give_back(run->cache, PR_SPARE_SORTED, sorted, sorted_bytes);
  pr_engine__give_back(run->cache, PR_SPARE_LIST, list, list_bytes);
  run->fact_total = run->fact_count;
  run->fact_count = fresh;  /* the reused ones stay in their segments' results */
}

/* Whether a kept result is right for a segment of this review: computed under
 * the same file-wide state, and under the same skeleton or one that gives
 * what it read of it the same. */
static bool pr_engine__holds(pr_review_run *run, const pr_seg_run *sg, const pr_segment_result *r, uint64_t state,
                             uint64_t skeleton) {
  if (r->state != state) return false;
  if (r->skeleton == skeleton || r->skeleton_before == skeleton) return true;
  uint64_t deps = pr_engine__deps(run, sg->scope, r);
  return deps && deps == r->deps;
}

/* AGAIN_STALE: redo, reusing only the kept results this review has not found stale */
enum { PR_RUN_OK = 0, PR_RUN_NO_MEMORY = 1, PR_RUN_AGAIN_STALE = 2 };

static int pr_engine__review(const char *text, uint32_t len, const TSTree *tree, const pr_review_options *options,
                             pr_review *out, bool allow_reuse) {
  memset(out, 0, sizeof *out);
  pr_syntax_init();
  pr_review_run *run = calloc(1, sizeof *run);
  if (!run) return PR_RUN_NO_MEMORY;
  run->text = text;
  run->len = len;
  run->options = options;
  run->arena = &out->arena;
  run->cache = options->cache;
  run->open_seg = PR_NONE;
  pr_model_init(&run->model, run->arena, text);
  pr_suppressions_init(&run->suppressions, run->arena);
  run->lines = options->lines;
  if (!run->lines) {
    if (!pr_line_index_build(&run->own_lines, text, len)) run->oom = true;
    run->lines = &run->own_lines;
  }

  for (uint32_t r = 0; r < pr_rule_count; r++)
    if (!options->selection || options->selection->enabled[r]) run->rules[run->rule_count++] = pr_rules[r];
  for (uint32_t r = 0; r < options->extra_rule_count && run->rule_count < PR_MAX_RULES; r++)
    run->rules[run->rule_count++] = options->extra_rules[r];
  pr_engine__index_rules(run);
  for (uint32_t r = 0; r < run->rule_count; r++) {
    run->hash_statements |= (run->rules[r]->flags & PR_RULE_STRUCT_HASHES) != 0;
    for (int k = 0; k < PR_RULE_MAX_KINDS && run->rules[r]->kinds[k]; k++) {
      pr_kind kind = run->rules[r]->kinds[k];
      run->subscribers[kind][run->subscriber_count[kind]++] = (uint8_t)r;
    }
  }

  TSNode root = ts_tree_root_node(tree);
  uint64_t options_key = 0, file_keys = 0, globals = 0, skeleton = 0, state = 0;
  if (run->cache && !run->oom) {
    options_key = pr_engine__options_key(run);
    const pr_review_cache *c = run->cache;
    run->reuse = allow_reuse && c->valid && c->options == options_key;
  }
  if (run->cache && !run->oom) pr_engine__reserve(run);
  if (!run->oom) pr_engine__walk(run, root);
  if (!run->oom) pr_engine__group_kids(run);
  run->test_code = options->test_file || run->test_class_count > 0;
  if (run->cache && !run->oom) {
    bool python2 = run->python2, reused = false;
    for (uint32_t k = 0; k < run->seg_count; k++) {
      const pr_seg_run *sg = &run->segs[k];
      if (sg->state == PR_SEG_REUSED) {
        reused = true;
        python2 |= sg->kept->python2;
        run->test_code |= sg->kept->test_class_count > 0;
      } else if (sg->flags & PR_SEGF_GLOBAL) {
        globals = pr_hash_bytes(text + sg->start, sg->end - sg->start, globals ^ k);
      }
    }
    skeleton = pr_engine__skeleton_key(run);
    file_keys = pr_engine__file_keys(run);
    state = pr_engine__state_key(file_keys, globals, python2, run->test_code);
    /* a kept result computed under another file-wide state is walked again;
       one computed under another skeleton (an edit at module level, or a
       syntax error that cut a class short) checks what it read of it, and
       is walked again when that changed */
    bool stale = false;
    for (uint32_t k = 0; reused && k < run->seg_count; k++) {
      pr_seg_run *sg = &run->segs[k];
      if (sg->state != PR_SEG_REUSED || pr_engine__holds(run, sg, sg->kept, state, skeleton)) continue;
      sg->kept->stale_in = run->cache->serial;
      stale = true;
      /* other results kept for the same bytes in the same context (from
         reviews under other skeletons) are judged now too, so that the next
         pass takes one that holds, or walks the segment */
      uint32_t cursor = 0;
      for (pr_segment_result *v; (v = pr_review_cache_next_version(run->cache, sg->hash, sg->context,
                                                                    sg->end - sg->start, &cursor));)
        if (v->stale_in != run->cache->serial && !pr_engine__holds(run, sg, v, state, skeleton))
          v->stale_in = run->cache->serial;
    }
    if (stale) {
      pr_engine__cleanup(run);
      free(run);
      pr_arena_free(&out->arena);
      memset(out, 0, sizeof *out);
      return PR_RUN_AGAIN_STALE;
    }
    run->python2 = python2;
    pr_engine__replay(run);
  }
  pr_model_finish(&run->model);
  pr_suppressions_finish(&run->suppressions);
  pr_ctx ctx = {
    .text = text, .len = len, .root = root, .path = options->path ? options->path : "",
    .test_file = options->test_file, .python2 = run->python2, .model = &run->model,
    .thresholds = options->thresholds ? options->thresholds : pr_thresholds_default(),
    .own_scope = PR_NONE, .run = run};
  if (!run->oom && !run->model.out_of_memory) {
    ctx.call_memo = pr_call_memo_new(run->arena);
    pr_engine__dispatch(run, &ctx);
    run->kept_findings = run->finding_count;
    pr_engine__dispatch_facts(run, &ctx);
    if (run->cache) pr_engine__reuse_findings(run);
  }
  if (run->oom || run->model.out_of_memory) {
    if (run->cache) pr_review_cache_clear(run->cache);
    pr_engine__cleanup(run);
    free(run);
    pr_arena_free(&out->arena);
    memset(out, 0, sizeof *out);
    return PR_RUN_NO_MEMORY;
  }
  if (run->cache) {
    uint32_t walked = 0, reused = 0;
    for (uint32_t k = 0; k < run->seg_count; k++) {
      walked += run->segs[k].state == PR_SEG_WALKED;
      reused += run->segs[k].state == PR_SEG_REUSED;
    }
    pr_engine__keep(run, skeleton, options_key, state);
    pr_engine__record_sizes(run);
    run->cache->last_walked = walked;
    run->cache->last_reused = reused;
    run->cache->last_full = !reused;
  }
  pr_engine__filter(run, &ctx);
  out->findings = malloc((run->finding_count ? run->finding_count : 1) * sizeof *out->findings);
  if (!out->findings) {
    pr_engine__cleanup(run);
    free(run);
    pr_arena_free(&out->arena);
    memset(out, 0, sizeof *out);
    return PR_RUN_NO_MEMORY;
  }
  if (run->finding_count) memcpy(out->findings, run->findings, run->finding_count * sizeof *out->findings);
  out->count = run->finding_count;
  out->python2 = run->python2;
  pr_engine__cleanup(run);
  free(run);
  return PR_RUN_OK;
}

pr_review_error pr_review_file(const char *text, uint32_t len, const TSTree *tree,
                               const pr_review_options *options, pr_review *out) {
  pr_child_memo_begin();
  if (options->cache) options->cache->serial++;
  int r = pr_engine__review(text, len, tree, options, out, true);
  /* a second pass may find other results stale: a third reuses nothing */
  if (r == PR_RUN_AGAIN_STALE) r = pr_engine__review(text, len, tree, options, out, true);
  if (r == PR_RUN_AGAIN_STALE) r = pr_engine__review(text, len, tree, options, out, false);
  pr_child_memo_end();
  return r == PR_RUN_OK ? PR_REVIEW_OK : PR_REVIEW_NO_MEMORY;
}

void pr_review_free(pr_review *review) {
  free(review->findings);
  pr_arena_free(&review->arena);
  memset(review, 0, sizeof *review);
}
