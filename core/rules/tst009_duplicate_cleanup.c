/* TST009 duplicate-cleanup: the same cleanup registered twice.
 *
 * ## What it does
 * Flags an `addCleanup(...)`, `addClassCleanup(...)` or `ExitStack.callback(...)`
 * call (a `callback` method on an `ExitStack`/`AsyncExitStack` made in the
 * function, or on a receiver named like one: `stack`, `self.exit_stack`)
 * that repeats an earlier one of the same block of a function, with
 * identical arguments (compared as syntax trees: whitespace, comments,
 * parentheses and quote style do not matter), with no branch between them: no
 * `if`, loop, `try`, `match`, `return`, `raise`, `break` or `continue`
 * statement, and no assignment of a name the call uses (`s = wrap(s)` between
 * two `addCleanup(s.close)` makes the second close another object). The fix
 * removes the second registration.
 *
 * ## Why is this bad?
 * Cleanups run once per registration: the second runs the same teardown
 * again, which fails on an already closed or deleted resource (and its error
 * hides the test's own result), or hides that another resource was meant to
 * be cleaned up.
 *
 * ## Example
 * ```python
 * def setUp(self):
 *     self.tmp = tempfile.mkdtemp()
 *     self.addCleanup(shutil.rmtree, self.tmp)
 *     self.db = connect()
 *     self.addCleanup(shutil.rmtree, self.tmp)
 * ```
 *
 * ## Use instead
 * ```python
 * def setUp(self):
 *     self.tmp = tempfile.mkdtemp()
 *     self.addCleanup(shutil.rmtree, self.tmp)
 *     self.db = connect()
 *     self.addCleanup(self.db.close)
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"
#include "structhash.h"

#include <string.h>
#include <strings.h>

/* Registrations remembered per run of a block; a block with more keeps checking
 * against the first ones. */
#define TST009_MAX_RUN 64

/* True when `name` (a receiver's last name part) reads like an exit stack. */
static bool tst009_stack_named(const pr_ctx *ctx, TSNode name) {
  uint32_t len;
  const char *s = pr_text(ctx, name, &len);
  for (uint32_t i = 0; i + 5 <= len; i++)
    if (!strncasecmp(s + i, "stack", 5)) return true;
  return false;
}

/* True for a call of contextlib's ExitStack or AsyncExitStack. */
static bool tst009_makes_stack(const pr_ctx *ctx, TSNode call, uint32_t scope) {
  call = pr_unparenthesize(call);
  if (pr_node_kind(call) != pr_kind_call) return false;
  char q[64];
  if (pr_qualified_name(ctx, pr_child(call, pr_field_function), scope, q, sizeof q))
    return !strcmp(q, "contextlib.ExitStack") || !strcmp(q, "contextlib.AsyncExitStack");
  return false;
}

/* True when `recv` is an exit stack: a local bound to `ExitStack()` (by `=` or
 * `with ... as`), or named like one. */
static bool tst009_is_stack(const pr_ctx *ctx, TSNode recv) {
  recv = pr_unparenthesize(recv);
  TSNode last = pr_last_name_part(recv);
  if (ts_node_is_null(last)) return false;
  if (tst009_stack_named(ctx, last)) return true;
  if (pr_node_kind(recv) != pr_kind_identifier) return false;
  const pr_model *m = ctx->model;
  uint32_t len;
  const char *s = pr_text(ctx, recv, &len);
  uint32_t b = pr_model_resolve(m, ctx->scope, s, len, ts_node_start_byte(recv));
  if (b == PR_NONE) return false;
  const pr_binding *bd = &m->bindings[b];
  if (bd->kind == PR_BIND_ASSIGN) return !ts_node_is_null(bd->value) && tst009_makes_stack(ctx, bd->value, ctx->scope);
  if (bd->kind != PR_BIND_WITH) return false;
  /* `with ExitStack() as s`: the as_pattern holding the name */
  TSNode n = ts_node_parent(bd->node);
  for (int i = 0; i < 3 && !ts_node_is_null(n) && pr_node_kind(n) != pr_kind_as_pattern; i++) n = ts_node_parent(n);
  return pr_node_kind(n) == pr_kind_as_pattern && tst009_makes_stack(ctx, ts_node_named_child(n, 0), ctx->scope);
}

/* The registration call of an expression statement, or a null node. */
static TSNode tst009_registration(const pr_ctx *ctx, TSNode stmt) {
  if (pr_node_kind(stmt) != pr_kind_expression_statement || ts_node_named_child_count(stmt) != 1) return (TSNode){0};
  TSNode call = ts_node_named_child(stmt, 0);
  if (pr_node_kind(call) != pr_kind_call) return (TSNode){0};
  TSNode fn = pr_unparenthesize(pr_child(call, pr_field_function));
  if (pr_node_kind(fn) != pr_kind_attribute) return (TSNode){0};
  TSNode name = pr_child(fn, pr_field_attribute);
  if (pr_text_is(ctx, name, "addCleanup") || pr_text_is(ctx, name, "addClassCleanup")) return call;
  if (pr_text_is(ctx, name, "callback") && tst009_is_stack(ctx, pr_child(fn, pr_field_object))) return call;
  return (TSNode){0};
}

/* Statements after which the second registration may not follow the first. */
static bool tst009_branch(pr_kind k) {
  switch (k) {
  case pr_kind_if_statement:
  case pr_kind_for_statement:
  case pr_kind_while_statement:
  case pr_kind_try_statement:
  case pr_kind_match_statement:
  case pr_kind_return_statement:
  case pr_kind_raise_statement:
  case pr_kind_break_statement:
  case pr_kind_continue_statement: return true;
  default: return false;
  }
}

/* The fix: delete the statement's whole line when it stands alone on its
 * line(s), with any comment after it. */
static void tst009_fix(pr_ctx *ctx, pr_finding *f, TSNode stmt) {
  if (!f) return;
  const char *t = ctx->text;
  uint32_t start = ts_node_start_byte(stmt), end = ts_node_end_byte(stmt);
  uint32_t ls = start;
  while (ls > 0 && t[ls - 1] != '\n' && t[ls - 1] != '\r') {
    if (t[ls - 1] != ' ' && t[ls - 1] != '\t' && t[ls - 1] != '\f') return;
    ls--;
  }
  uint32_t le = end;
  while (le < ctx->len && (t[le] == ' ' || t[le] == '\t')) le++;
  if (le < ctx->len && t[le] == '#')
    while (le < ctx->len && t[le] != '\n' && t[le] != '\r') le++;
  if (le < ctx->len) {
    if (t[le] == '\r') {
      le++;
      if (le < ctx->len && t[le] == '\n') le++;
    } else if (t[le] == '\n') {
      le++;
    } else {
      return;  /* more code on the line: `a(); b()` */
    }
  }
  pr_finding_set_fix(ctx, f, "Remove the second registration");
  pr_finding_add_edit(ctx, f, ls, le, "", 0);
}

static bool tst009_ident_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (unsigned char)c >= 0x80;
}

/* True when the name or attribute chain `target` occurs in `call`'s text as a
 * whole name or the start of a chain (`s` in `s.close`, `self.tmp` in
 * `self.tmp.cleanup`; not `s` in `sock`). */
static bool tst009_mentions(const pr_ctx *ctx, TSNode call, TSNode target) {
  uint32_t cl, tl;
  const char *c = pr_text(ctx, call, &cl), *t = pr_text(ctx, target, &tl);
  if (tl == 0 || tl > cl) return false;
  for (uint32_t i = 0; i + tl <= cl; i++) {
    if (memcmp(c + i, t, tl)) continue;
    if (i > 0 && (tst009_ident_char(c[i - 1]) || c[i - 1] == '.')) continue;
    if (i + tl < cl && tst009_ident_char(c[i + tl])) continue;
    return true;
  }
  return false;
}

/* True when a target of `assign` (an assignment or augmented assignment,
 * `a = b = x` and unpacking included) is mentioned by `call`. */
static bool tst009_rebinds(const pr_ctx *ctx, TSNode assign, TSNode call) {
  for (int depth = 0; depth < 16; depth++) {
    pr_kind k = pr_node_kind(assign);
    if (k != pr_kind_assignment && k != pr_kind_augmented_assignment) return false;
    TSNode left = pr_child(assign, pr_field_left);
    pr_kind lk = pr_node_kind(left);
    if (lk == pr_kind_pattern_list || lk == pr_kind_tuple_pattern || lk == pr_kind_list_pattern ||
        lk == pr_kind_tuple || lk == pr_kind_list || lk == pr_kind_expression_list) {
      uint32_t n = ts_node_named_child_count(left);
      for (uint32_t i = 0; i < n; i++) {
        TSNode t = ts_node_named_child(left, i);
        if (pr_node_kind(t) == pr_kind_list_splat_pattern || pr_node_kind(t) == pr_kind_list_splat)
          t = ts_node_named_child(t, 0);
        if (tst009_mentions(ctx, call, t)) return true;
      }
    } else if (tst009_mentions(ctx, call, left)) {
      return true;
    }
    assign = pr_child(assign, pr_field_right);
  }
  return false;
}

/* True when a statement of `block` strictly between statements `from` and
 * `to` (indices) assigns a name the registration `call` uses: the second
 * registration then names another object (`s = wrap(s)`). */
static bool tst009_rebound_between(const pr_ctx *ctx, const TSNode *kids, uint32_t from, uint32_t to, TSNode call) {
  for (uint32_t i = from + 1; i < to; i++) {
    TSNode st = kids[i];
    if (pr_node_kind(st) != pr_kind_expression_statement) {
      if (pr_node_kind(st) == pr_kind_with_statement || pr_node_kind(st) == pr_kind_delete_statement) return true;
      continue;
    }
    uint32_t n = ts_node_named_child_count(st);
    for (uint32_t j = 0; j < n; j++)
      if (tst009_rebinds(ctx, ts_node_named_child(st, j), call)) return true;
  }
  return false;
}

static void tst009_check(pr_ctx *ctx, TSNode block) {
  const pr_model *m = ctx->model;
  uint32_t fn = pr_model_function_of(m, ctx->scope);
  if (fn == PR_NONE || m->scopes[fn].kind != PR_SCOPE_FUNCTION) return;
  uint64_t hashes[TST009_MAX_RUN];
  TSNode calls[TST009_MAX_RUN];
  uint32_t index[TST009_MAX_RUN];
  const TSNode *kids;
  uint32_t count = 0, n = pr_block_children(ctx, block, &kids);
  if (n == PR_NONE) return;
  for (uint32_t i = 0; i < n; i++) {
    TSNode stmt = kids[i];
    pr_kind k = pr_node_kind(stmt);
    if (k == pr_kind_comment) continue;
    if (tst009_branch(k)) { count = 0; continue; }
    TSNode call = tst009_registration(ctx, stmt);
    if (ts_node_is_null(call) || ts_node_has_error(call)) continue;
    uint64_t h = pr_struct_hash(ctx->text, call);
    uint32_t j = 0;
    while (j < count && hashes[j] != h) j++;
    if (j < count && tst009_rebound_between(ctx, kids, index[j], i, call)) {
      calls[j] = call;  /* another object now: later copies compare with this one */
      index[j] = i;
      continue;
    }
    if (j < count) {
      TSNode name = pr_child(pr_unparenthesize(pr_child(call, pr_field_function)), pr_field_attribute);
      uint32_t len;
      const char *s = pr_text(ctx, name, &len);
      pr_finding *f = pr_report(ctx, call, "This `%.*s(...)` registers the same cleanup again: it will run twice",
                                (int)len, s);
      pr_finding_add_related(ctx, f, calls[j], "first registered here");
      tst009_fix(ctx, f, stmt);
      continue;
    }
    if (count < TST009_MAX_RUN) {
      hashes[count] = h;
      index[count] = i;
      calls[count++] = call;
    }
  }
}

const pr_rule pr_rule_tst009 = {
  .code = "TST009",
  .name = "duplicate-cleanup",
  .category = "Tests",
  .severity = PR_SEV_WARNING,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_TESTS_ONLY,
  .summary = "The same cleanup registered twice in one block",
  .doc = pr_doc_tst009,
  .kinds = {pr_kind_block},
  .on_node = tst009_check,
};
