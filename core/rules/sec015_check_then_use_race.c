/* SEC015 check-then-use-race: a path checked, then used, with a race in between.
 *
 * ## What it does
 * Flags a check `os.path.exists`, `isfile`, `isdir`, `islink` or `lexists(p)`,
 * or `os.access(p, ...)`, in an `if`/`elif` test, followed by a use of the
 * same `p` (a name or attribute chain, textually identical, not reassigned in
 * between) as the first argument of `open`, `io.open`, `os.open`,
 * `os.remove`, `os.unlink`, `os.rename`, `os.replace`, `os.mkdir`,
 * `os.makedirs`, `os.rmdir` or a `shutil` function: inside that `if`'s
 * branches, or later in the same block when the `if` body ends in a
 * terminator (`if not os.path.exists(p): return` ... `open(p)`). One finding
 * per check, at the check, with the uses as related information; several
 * checks of the same `p` in one test are one finding. pathlib methods are
 * not covered.
 *
 * ## Why is this bad?
 * Between the check and the use, another process can create, delete or
 * replace the file, for instance with a symbolic link to a file the program
 * may write (CWE-367, time-of-check to time-of-use). The check gives a false
 * sense of safety; the operation itself is what has to handle the case.
 *
 * ## Example
 * ```python
 * if not os.path.exists(lock_path):
 *     with open(lock_path, "w") as fh:
 *         fh.write(str(os.getpid()))
 * ```
 *
 * ## Use instead
 * Let the operation decide, atomically, and handle its error:
 * ```python
 * try:
 *     with open(lock_path, "x") as fh:   # fails if it exists
 *         fh.write(str(os.getpid()))
 * except FileExistsError:
 *     ...
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"
#include "statements.h"

#include <string.h>

static const char *const sec015_checks[] = {
  "os.path.exists", "os.path.isfile", "os.path.isdir", "os.path.islink", "os.path.lexists", "os.access",
  NULL,
};

static const char *const sec015_uses[] = {
  "open", "io.open", "os.open", "os.remove", "os.unlink", "os.rename", "os.replace", "os.mkdir", "os.makedirs",
  "os.rmdir", NULL,
};

/* Checks remembered per `if` test: several checks of the same path are one finding. */
#define SEC015_MAX_CHECKS 8
/* Uses attached to one finding as related information. */
#define SEC015_MAX_USES 16

typedef struct sec015_search {
  const char *path;       /* the checked expression's text */
  uint32_t path_len;
  bool reassigned;        /* a binding of the path was met: stop */
  TSNode uses[SEC015_MAX_USES];
  uint32_t use_count;
} sec015_search;

/* True when `expr` is an identifier or a chain of attributes on one. */
static bool sec015_is_chain(TSNode expr) {
  expr = pr_unparenthesize(expr);
  while (pr_node_kind(expr) == pr_kind_attribute) expr = pr_unparenthesize(pr_child(expr, pr_field_object));
  return pr_node_kind(expr) == pr_kind_identifier;
}

/* True when the node's text is the searched path. */
static bool sec015_same(const pr_ctx *ctx, const sec015_search *s, TSNode expr) {
  uint32_t len;
  const char *t = pr_text(ctx, pr_unparenthesize(expr), &len);
  return len == s->path_len && !memcmp(t, s->path, len);
}

/* True when binding `target` rebinds the path or a prefix of its chain (`self.x` rebinds `self.x.y`). */
static bool sec015_rebinds(const pr_ctx *ctx, const sec015_search *s, TSNode target) {
  target = pr_unparenthesize(target);
  pr_kind k = pr_node_kind(target);
  if (k == pr_kind_pattern_list || k == pr_kind_tuple_pattern || k == pr_kind_list_pattern || k == pr_kind_tuple ||
      k == pr_kind_list || k == pr_kind_expression_list) {
    uint32_t n = ts_node_named_child_count(target);
    for (uint32_t i = 0; i < n; i++)
      if (sec015_rebinds(ctx, s, ts_node_named_child(target, i))) return true;
    return false;
  }
  if (k == pr_kind_list_splat_pattern || k == pr_kind_list_splat)
    return ts_node_named_child_count(target) == 1 && sec015_rebinds(ctx, s, ts_node_named_child(target, 0));
  if (k != pr_kind_identifier && k != pr_kind_attribute) return false;
  uint32_t len;
  const char *t = pr_text(ctx, target, &len);
  return len <= s->path_len && !memcmp(t, s->path, len) && (len == s->path_len || s->path[len] == '.');
}

/* The path argument of a use call (first positional, or its usual keyword). */
static TSNode sec015_use_argument(const pr_ctx *ctx, TSNode call) {
  TSNode a = pr_call_positional(call, 0);
  if (!ts_node_is_null(a)) return a;
  static const char *const keywords[] = {"file", "path", "src", NULL};
  for (int i = 0; keywords[i]; i++) {
    a = pr_call_keyword(ctx, call, keywords[i]);
    if (!ts_node_is_null(a)) return a;
  }
  return (TSNode){0};
}

static bool sec015_is_use(const pr_ctx *ctx, TSNode call) {
  char q[128];
  if (!pr_call_qualified_name(ctx, call, q, sizeof q)) return false;
  if (!strncmp(q, "shutil.", 7)) return true;
  for (int i = 0; sec015_uses[i]; i++)
    if (!strcmp(q, sec015_uses[i])) return true;
  return false;
}

/* Visits `node` in document order, collecting uses of the path until it is
 * rebound; nested functions, classes and lambdas are not entered. */
static void sec015_visit(const pr_ctx *ctx, sec015_search *s, TSNode node, int depth) {
  if (ts_node_is_null(node) || s->reassigned || depth > 200) return;
  pr_kind k = pr_node_kind(node);
  switch (k) {
  case pr_kind_function_definition: case pr_kind_class_definition: case pr_kind_decorated_definition:
  case pr_kind_lambda:
    return;
  case pr_kind_call:
    /* the arguments are evaluated before the call */
    sec015_visit(ctx, s, pr_child(node, pr_field_function), depth + 1);
    sec015_visit(ctx, s, pr_child(node, pr_field_arguments), depth + 1);
    if (!s->reassigned && sec015_is_use(ctx, node)) {
      TSNode arg = sec015_use_argument(ctx, node);
      if (!ts_node_is_null(arg) && sec015_same(ctx, s, arg) && s->use_count < SEC015_MAX_USES)
        s->uses[s->use_count++] = node;
    }
    return;
  case pr_kind_assignment: case pr_kind_augmented_assignment:
    sec015_visit(ctx, s, pr_child(node, pr_field_right), depth + 1);
    if (sec015_rebinds(ctx, s, pr_child(node, pr_field_left))) s->reassigned = true;
    return;
  case pr_kind_named_expression:
    sec015_visit(ctx, s, pr_child(node, pr_field_value), depth + 1);
    if (sec015_rebinds(ctx, s, pr_child(node, pr_field_name))) s->reassigned = true;
    return;
  case pr_kind_for_statement:
    sec015_visit(ctx, s, pr_child(node, pr_field_right), depth + 1);
    if (sec015_rebinds(ctx, s, pr_child(node, pr_field_left))) { s->reassigned = true; return; }
    sec015_visit(ctx, s, pr_child(node, pr_field_body), depth + 1);
    sec015_visit(ctx, s, pr_child(node, pr_field_alternative), depth + 1);
    return;
  case pr_kind_as_pattern: {
    uint32_t n = ts_node_named_child_count(node);
    if (n) sec015_visit(ctx, s, ts_node_named_child(node, 0), depth + 1);
    TSNode alias = pr_child(node, pr_field_alias);
    if (pr_node_kind(alias) == pr_kind_as_pattern_target && ts_node_named_child_count(alias) == 1)
      alias = ts_node_named_child(alias, 0);
    if (sec015_rebinds(ctx, s, alias)) s->reassigned = true;
    return;
  }
  case pr_kind_delete_statement: {
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; i++)
      if (sec015_rebinds(ctx, s, ts_node_named_child(node, i))) s->reassigned = true;
    return;
  }
  default:
    break;
  }
  TSTreeCursor cur = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cur)) {
    do {
      TSNode c = ts_tree_cursor_current_node(&cur);
      if (ts_node_is_named(c)) sec015_visit(ctx, s, c, depth + 1);
    } while (!s->reassigned && ts_tree_cursor_goto_next_sibling(&cur));
  }
  ts_tree_cursor_delete(&cur);
}

/* The checks of a test expression: check calls whose path is a name or attribute chain. */
static void sec015_collect_checks(const pr_ctx *ctx, TSNode node, TSNode *checks, uint32_t *count, int depth) {
  if (depth > 64 || *count >= SEC015_MAX_CHECKS) return;
  pr_kind k = pr_node_kind(node);
  if (k == pr_kind_lambda) return;
  if (k == pr_kind_call && pr_call_matches(ctx, node, sec015_checks)) {
    TSNode p = pr_call_argument(ctx, node, 0, "path");
    if (!ts_node_is_null(p) && sec015_is_chain(p)) {
      bool dup = false;
      for (uint32_t i = 0; i < *count && !dup; i++) {
        uint32_t a, b;
        const char *ta = pr_text(ctx, pr_unparenthesize(pr_call_argument(ctx, checks[i], 0, "path")), &a);
        const char *tb = pr_text(ctx, pr_unparenthesize(p), &b);
        dup = a == b && !memcmp(ta, tb, a);
      }
      if (!dup) checks[(*count)++] = node;
    }
  }
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; i++) sec015_collect_checks(ctx, ts_node_named_child(node, i), checks, count, depth + 1);
}

/* The body block of an if_statement (consequence) or elif/else clause. */
static TSNode sec015_body(TSNode clause) {
  TSNode b = pr_child(clause, pr_field_consequence);
  return ts_node_is_null(b) ? pr_child(clause, pr_field_body) : b;
}

/* Every finding needs one of the check functions named in the text (an
 * alias is imported by its name too; names.h: pr_text_mentions). */
static const char *const sec015_needles[] = {"exists", "isfile", "isdir", "islink", "access", NULL};

typedef struct sec015_state {
  uint8_t gate;     /* pr_rule_mentions' cache (it reads the state's first byte) */
  uint8_t aliased;  /* 0 not known yet, 1 a check function is imported under a name of its own, 2 none is */
} sec015_state;

static bool sec015_relevant(pr_ctx *ctx) {
  pr_rule_state(ctx, sizeof(sec015_state));
  return pr_rule_mentions(ctx, sec015_needles);
}

/* True when a check function is imported under another name (`from os.path
 * import exists as e`): only then can a test call one without naming it.
 * The model holds the imports of every scope the review walks, and a test
 * in a function whose results are kept is not looked at again. */
static bool sec015_aliased(pr_ctx *ctx) {
  sec015_state *st = pr_rule_state(ctx, sizeof *st);
  if (!st) return true;
  if (!st->aliased) {
    const pr_model *m = ctx->model;
    bool found = false;
    for (uint32_t i = 0; i < m->binding_count && !found; i++) {
      const pr_binding *b = &m->bindings[i];
      if (b->kind != PR_BIND_IMPORT || !(b->flags & PR_BF_IMPORT_ALIAS) || !b->qualified) continue;
      for (int j = 0; sec015_checks[j] && !found; j++) found = !strcmp(b->qualified, sec015_checks[j]);
    }
    st->aliased = found ? 1 : 2;
  }
  return st->aliased == 1;
}

/* True when the test's text may hold a check call: it names a check
 * function, or one is imported under another name. Most tests of a file
 * that mentions `exists` somewhere are let go here, before their calls are
 * resolved. */
static bool sec015_may_check(pr_ctx *ctx, TSNode test) {
  return pr_text_may_mention(ctx->text, ctx->len, ts_node_start_byte(test), ts_node_end_byte(test), sec015_needles) ||
         sec015_aliased(ctx);
}

static void sec015_check(pr_ctx *ctx, TSNode if_stmt) {
  if (!sec015_relevant(ctx)) return;
  /* the clauses in order: the if itself, then elif and else clauses */
  TSNode clauses[64];
  uint32_t count = 0;
  clauses[count++] = if_stmt;
  uint32_t n = ts_node_named_child_count(if_stmt);
  for (uint32_t i = 0; i < n && count < 64; i++) {
    TSNode c = ts_node_named_child(if_stmt, i);
    if (pr_node_kind(c) == pr_kind_elif_clause || pr_node_kind(c) == pr_kind_else_clause) clauses[count++] = c;
  }
  for (uint32_t ci = 0; ci < count; ci++) {
    TSNode test = pr_child(clauses[ci], pr_field_condition);
    if (ts_node_is_null(test) || !sec015_may_check(ctx, test)) continue;  /* else */
    TSNode checks[SEC015_MAX_CHECKS];
    uint32_t nchecks = 0;
    sec015_collect_checks(ctx, test, checks, &nchecks, 0);
    for (uint32_t k = 0; k < nchecks; k++) {
      TSNode p = pr_unparenthesize(pr_call_argument(ctx, checks[k], 0, "path"));
      sec015_search s = {0};
      s.path = pr_text(ctx, p, &s.path_len);
      /* inside this clause's branch and the branches after it, each on its own */
      for (uint32_t b = ci; b < count; b++) {
        s.reassigned = false;
        sec015_visit(ctx, &s, sec015_body(clauses[b]), 0);
      }
      /* later in the same block when the body ends in a terminator */
      if (pr_block_ends_in_terminator(ctx, sec015_body(clauses[ci]), ctx->scope) && !ts_node_is_null(ctx->parent)) {
        s.reassigned = false;
        bool after = false;
        TSTreeCursor cur = ts_tree_cursor_new(ctx->parent);
        if (ts_tree_cursor_goto_first_child(&cur)) {
          do {
            TSNode c = ts_tree_cursor_current_node(&cur);
            if (!after) { after = ts_node_eq(c, if_stmt); continue; }
            if (ts_node_is_named(c)) sec015_visit(ctx, &s, c, 0);
          } while (!s.reassigned && ts_tree_cursor_goto_next_sibling(&cur));
        }
        ts_tree_cursor_delete(&cur);
      }
      if (!s.use_count) continue;
      char q[64];
      if (!pr_call_qualified_name(ctx, checks[k], q, sizeof q)) continue;
      pr_finding *f = pr_report(ctx, checks[k],
                                "`%s` checks `%.*s`, then the path is used: another process can change the file "
                                "in between; do the operation directly and handle its error",
                                q, (int)(s.path_len > 60 ? 60 : s.path_len), s.path);
      for (uint32_t u = 0; u < s.use_count; u++)
        pr_finding_add_related(ctx, f, s.uses[u], "the path is used here");
    }
  }
}

const pr_rule pr_rule_sec015 = {
  .code = "SEC015",
  .name = "check-then-use-race",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 367,
  .summary = "A path checked with os.path.exists/os.access, then opened or changed",
  .doc = pr_doc_sec015,
  .kinds = {pr_kind_if_statement},
  .on_node = sec015_check,
};
