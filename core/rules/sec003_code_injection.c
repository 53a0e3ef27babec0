/* SEC003 code-injection: eval, exec or compile of a non-literal string.
 *
 * ## What it does
 * Flags calls of the builtins `eval`, `exec` and `compile` whose first
 * argument (the source; `source=` for `compile`) is not a literal value, and
 * Python 2 `exec` statements whose code is not a literal. Literal values are
 * string literals, expressions built only from them and names bound once to
 * one (catalog: Literal values). A file's own `eval`, `exec` or `compile`
 * (a `def`, class, assignment or import of that name) shadows the builtin and
 * is not flagged; `ast.literal_eval`, `re.compile` and other methods are not
 * the builtins.
 *
 * Here `self.NAME`, `cls.NAME` and `Class.NAME` are literal too (as the
 * argument or an operand of it) when the enclosing class (for `self`/`cls`:
 * the nearest class around the function; for `Class`: the class of the file
 * the name resolves to) binds `NAME` exactly once in its body, to a literal
 * value, and no statement of the file assigns that attribute:
 * `add_host = 'self.controller._add_host'` ... `eval(self.add_host)`. The
 * attributes the file assigns are found by a scan of its whole text (`.NAME`
 * followed by `=`, an augmented operator, an annotation and `=`, or a target
 * list; `setattr(obj, "NAME", ...)`), whatever object they are assigned on.
 *
 * `exec(compile(src, ...))` and `eval(compile(...))` (the builtin compile as
 * the first argument of the builtin eval or exec) are one finding, at the
 * outer call, judged on `src`: none when `src` is literal.
 *
 * ## Why is this bad?
 * Evaluating text that comes from outside the program runs whatever code the
 * text contains, with the program's privileges (CWE-95). Quoting or filtering
 * the text does not make it safe: Python has too many ways to reach
 * `__import__`, `os.system` or file access from an expression.
 *
 * ## Example
 * ```python
 * def apply(expression, row):
 *     return eval(expression, {"row": row})
 * ```
 *
 * ## Use instead
 * Parse data with a parser that only builds values, or map names to code
 * through a fixed table:
 * ```python
 * import ast
 *
 * OPERATIONS = {"sum": sum, "max": max}
 *
 * def apply(operation, values):
 *     return OPERATIONS[operation](values)
 *
 * def parse(text):
 *     return ast.literal_eval(text)
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <stdlib.h>
#include <string.h>

/* The attribute names the file's text assigns (pr_next_assigned_attribute), sorted. */
typedef struct sec003_name {
  const char *name;
  uint32_t len;
} sec003_name;

typedef struct sec003_state {
  bool ready;
  sec003_name *assigned;
  uint32_t count;
} sec003_state;

static int sec003_name_cmp(const void *a, const void *b) {
  const sec003_name *x = a, *y = b;
  uint32_t n = x->len < y->len ? x->len : y->len;
  int c = memcmp(x->name, y->name, n);
  return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* True when some statement of the file may assign the attribute `name`. */
static bool sec003_assigned(const pr_ctx *ctx, const char *name, uint32_t len) {
  sec003_state *st = ctx->state;
  if (!st) return true;
  if (!st->ready) {
    st->ready = true;
    uint32_t count = 0, pos = 0, n;
    const char *s;
    while (pr_next_assigned_attribute(ctx->text, ctx->len, &pos, &s, &n)) count++;
    if (count) {
      st->assigned = pr_ctx_alloc((pr_ctx *)ctx, count * sizeof *st->assigned);
      if (!st->assigned) { st->ready = false; return true; }
      pos = 0;
      while (st->count < count && pr_next_assigned_attribute(ctx->text, ctx->len, &pos, &s, &n))
        st->assigned[st->count++] = (sec003_name){s, n};
      qsort(st->assigned, st->count, sizeof *st->assigned, sec003_name_cmp);
    }
  }
  sec003_name key = {name, len};
  return st->count && bsearch(&key, st->assigned, st->count, sizeof *st->assigned, sec003_name_cmp);
}

/* The class scope an attribute's object names: the nearest class around
 * `scope` for `self`/`cls`, the file's class a name resolves to; or PR_NONE. */
static uint32_t sec003_class_of(const pr_ctx *ctx, TSNode object, uint32_t scope) {
  const pr_model *m = ctx->model;
  if (pr_node_kind(object) != pr_kind_identifier) return PR_NONE;
  if (pr_text_is(ctx, object, "self") || pr_text_is(ctx, object, "cls")) {
    for (uint32_t s = scope; s != PR_NONE; s = m->scopes[s].parent)
      if (m->scopes[s].kind == PR_SCOPE_CLASS) return s;
    return PR_NONE;
  }
  uint32_t len;
  const char *name = pr_text(ctx, object, &len);
  uint32_t b = pr_model_resolve(m, scope, name, len, ts_node_start_byte(object));
  if (b == PR_NONE || m->bindings[b].kind != PR_BIND_CLASS) return PR_NONE;
  if (m->symbols[m->bindings[b].symbol].count != 1) return PR_NONE;
  return pr_model_scope_of_node(m, m->bindings[b].statement);
}

/* `self.NAME`, `cls.NAME`, `Class.NAME` bound once in the class body to a
 * literal and never assigned by the file: literal (see the doc comment). */
static bool sec003_literal_attribute(const pr_ctx *ctx, TSNode attr, uint32_t scope) {
  const pr_model *m = ctx->model;
  uint32_t cls = sec003_class_of(ctx, pr_unparenthesize(pr_child(attr, pr_field_object)), scope);
  if (cls == PR_NONE) return false;
  uint32_t len;
  const char *name = pr_text(ctx, pr_child(attr, pr_field_attribute), &len);
  uint32_t sym = pr_model_symbol(m, cls, name, len);
  if (sym == PR_NONE || m->symbols[sym].count != 1) return false;
  const pr_binding *bd = &m->bindings[m->symbols[sym].first];
  if ((bd->kind != PR_BIND_ASSIGN && bd->kind != PR_BIND_ANNASSIGN) || ts_node_is_null(bd->value)) return false;
  if (!pr_is_literal(ctx, bd->value, cls)) return false;
  return !sec003_assigned(ctx, name, len);
}

static const pr_literal_accept sec003_accept = {NULL, sec003_literal_attribute};

/* What the file key (rule.h: file_key) gathers from a piece of the text. */
enum {
  SEC003_BARE_WORD = 1,       /* eval, exec or compile as a word, not an attribute */
  SEC003_ATTRIBUTE_WORD = 2,  /* one of them as an attribute (`re.compile`) */
  SEC003_BUILTINS = 4,        /* the builtins module named outside a string (`import builtins as b`,
                                 `__builtins__.eval`; not `mock.patch('builtins.open')`) */
};

/* A piece's part of the key: the words above, and a digest of the attribute
 * names it assigns (each assignment counts, so a second assignment of a name
 * changes the key too: a full review more than needed, never one less). */
static pr_key_part sec003_key_part(const char *text, uint32_t len) {
  pr_key_part part = {0, 0};
  static const char *const words[] = {"eval", "exec", "compile", NULL};
  for (int i = 0; words[i]; i++)
    for (uint32_t p = pr_text_find_word(text, len, 0, words[i]); p < len;
         p = pr_text_find_word(text, len, p + 1, words[i]))
      part.flags |= p == 0 || text[p - 1] != '.' ? SEC003_BARE_WORD : SEC003_ATTRIBUTE_WORD;
  static const char *const modules[] = {"builtins", "__builtin__", "__builtins__", NULL};
  for (int i = 0; modules[i] && !(part.flags & SEC003_BUILTINS); i++)
    for (uint32_t p = pr_text_find_word(text, len, 0, modules[i]); p < len;
         p = pr_text_find_word(text, len, p + 1, modules[i]))
      if (p == 0 || (text[p - 1] != '\'' && text[p - 1] != '"')) { part.flags |= SEC003_BUILTINS; break; }
  uint32_t pos = 0, n;
  const char *s;
  while (pr_next_assigned_attribute(text, len, &pos, &s, &n)) part.sum += pr_name_hash(0, s, n);
  return part;
}

/* The attribute names the file assigns, or a constant for a file where no
 * call can resolve to the builtin eval, exec or compile: each of them that
 * stands as a word is an attribute and the builtins module, through which an
 * attribute could reach them, is not named. Then the rule reports nothing,
 * whatever is assigned, and a keystroke keeps every result. */
static uint64_t sec003_file_key(pr_key_part whole) {
  bool may_call_builtin = (whole.flags & SEC003_BARE_WORD) ||
                          ((whole.flags & SEC003_ATTRIBUTE_WORD) && (whole.flags & SEC003_BUILTINS));
  return may_call_builtin ? whole.sum ^ 0x5EC003A77ull : 0x5EC003C0ull;
}

static bool sec003_literal(pr_ctx *ctx, TSNode expr) {
  pr_rule_state(ctx, sizeof(sec003_state));
  return pr_is_literal_with(ctx, expr, ctx->scope, &sec003_accept);
}

/* The builtin a callee resolves to ("eval", "exec", "compile"), or NULL. */
static const char *sec003_builtin(const pr_ctx *ctx, TSNode call) {
  static const char *const builtins[] = {"eval", "exec", "compile", NULL};
  static const char *const modules[] = {"builtins.", "__builtin__.", "__builtins__.", NULL};
  char q[64];
  if (!pr_call_qualified_name(ctx, call, q, sizeof q)) return NULL;
  const char *name = q;
  for (int i = 0; modules[i]; i++) {
    size_t n = strlen(modules[i]);
    if (!strncmp(q, modules[i], n)) { name = q + n; break; }
  }
  for (int i = 0; builtins[i]; i++) {
    if (!strcmp(name, builtins[i])) return builtins[i];
  }
  return NULL;
}

/* For `compile(...)` as the first argument of the builtin eval/exec: that
 * outer call (it reports), else a null node. */
static TSNode sec003_outer(const pr_ctx *ctx, TSNode call) {
  TSNode args = ts_node_parent(call);
  if (pr_node_kind(args) != pr_kind_argument_list) return (TSNode){0};
  TSNode outer = ts_node_parent(args);
  if (pr_node_kind(outer) != pr_kind_call) return (TSNode){0};
  TSNode first = pr_call_positional(outer, 0);
  if (ts_node_is_null(first) || !ts_node_eq(first, call)) return (TSNode){0};
  const char *b = sec003_builtin(ctx, outer);
  return b && strcmp(b, "compile") ? outer : (TSNode){0};
}

static void sec003_check(pr_ctx *ctx, TSNode node) {
  if (pr_node_kind(node) == pr_kind_exec_statement) {
    TSNode code = pr_child(node, pr_field_code);
    if (ts_node_is_null(code) || sec003_literal(ctx, code)) return;
    pr_report(ctx, node,
              "`exec` statement runs code built from non-literal values: parse the data instead "
              "(`ast.literal_eval`, `json.loads`) or dispatch through a fixed table of functions");
    return;
  }
  const char *builtin = sec003_builtin(ctx, node);
  if (!builtin) return;
  bool compile = !strcmp(builtin, "compile");
  if (compile && !ts_node_is_null(sec003_outer(ctx, node))) return;  /* one finding, at the outer call */
  TSNode source = pr_call_argument(ctx, node, 0, compile ? "source" : NULL);
  if (ts_node_is_null(source)) return;
  TSNode inner = pr_unparenthesize(source);
  if (!compile && pr_node_kind(inner) == pr_kind_call && (builtin = sec003_builtin(ctx, inner), builtin) &&
      !strcmp(builtin, "compile")) {
    /* eval(compile(src, ...)): judged on src */
    TSNode src = pr_call_argument(ctx, inner, 0, "source");
    if (ts_node_is_null(src) || sec003_literal(ctx, src)) return;
    pr_report(ctx, node,
              "`%s` runs code compiled from non-literal source: parse the data instead "
              "(`ast.literal_eval`, `json.loads`) or dispatch through a fixed table of functions",
              sec003_builtin(ctx, node));
    return;
  }
  builtin = sec003_builtin(ctx, node);
  if (sec003_literal(ctx, source)) return;
  if (compile)
    pr_report(ctx, node,
              "`compile` builds code from non-literal source: do not compile text from outside the "
              "program; parse data with `ast.literal_eval` or `json.loads` instead");
  else
    pr_report(ctx, node,
              "`%s` runs code built from non-literal values: parse the data instead "
              "(`ast.literal_eval`, `json.loads`) or dispatch through a fixed table of functions",
              builtin);
}

const pr_rule pr_rule_sec003 = {
  .code = "SEC003",
  .name = "code-injection",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 95,
  .tags = 0,
  .flags = 0,
  .summary = "eval, exec or compile of a non-literal string",
  .doc = pr_doc_sec003,
  .kinds = {pr_kind_call, pr_kind_exec_statement},
  .on_node = sec003_check,
  .file_key_part = sec003_key_part,
  .file_key = sec003_file_key,
};
