/* TST005 unreleased-test-resource: a patcher started and never stopped, a file
 * opened and never closed, in test code.
 *
 * ## What it does
 * Flags `p.start()` on a patcher (`mock.patch(...)`, `patch.object`,
 * `patch.dict`, `patch.multiple`, any import form) bound to a local name or a
 * `self` attribute `p` that is never stopped: no `p.stop()` or
 * `addCleanup(p.stop)` in the same function (for a `self` attribute, in any
 * method of the same class: `tearDown` counts), and no `mock.patch.stopall`
 * (called, or passed to `addCleanup`) in the same function or class; and a
 * chained `patch(...).start()` without such a `stopall`. Also flags
 * `p = open(...)` when the function never closes `p`, never uses it in a
 * `with`, never returns or yields it, never passes it to `addCleanup` and
 * never drops it with `p = None`.
 * Decorator and `with` patchers and `useFixture(...)` are always fine. Not
 * flagged either: a `start()` where an exception is expected (`with
 * self.assertRaises(...)`), and `open(...)` where `open` itself is patched
 * (`with patch("builtins.open", mock_open(...))`, or a decorator patching
 * `open`).
 *
 * ## Why is this bad?
 * A patcher that is never stopped stays active after the test: the mock leaks
 * into every later test of the run, which then pass or fail depending on
 * their order. A file left open leaks a descriptor (CWE-772) and, on Windows,
 * keeps the file locked for the tests that follow.
 *
 * ## Example
 * ```python
 * def setUp(self):
 *     self.patcher = mock.patch("app.client.fetch")
 *     self.fetch = self.patcher.start()
 * ```
 *
 * ## Use instead
 * ```python
 * def setUp(self):
 *     patcher = mock.patch("app.client.fetch")
 *     self.fetch = patcher.start()
 *     self.addCleanup(patcher.stop)
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"
#include "statements.h"

#include <string.h>

/* Facts (rule.h): a `self` patcher may be stopped in another method of its
 * class (tearDown), so the verdict is made over the whole file. Keys: `fkey`
 * is the start of the outermost function around the node (its segment),
 * `ckey` the start of the class that function is a method of, or PR_NONE. */
enum {
  TST005_START_LOCAL = 1,  /* start..end: `p.start()`; text: p; ref: fkey, ckey */
  TST005_START_SELF,       /* start..end: `self.p.start()`; text: p; ref: fkey, ckey */
  TST005_START_CHAIN,      /* start..end: `patch(...).start()`; ref: fkey, ckey */
  TST005_SELF_PATCHER,     /* `self.p = patch(...)`; text: p; ref: fkey, ckey */
  TST005_STOP_LOCAL,       /* `p.stop()`, `addCleanup(p.stop)`; text: p; ref: fkey, ckey */
  TST005_STOP_SELF,        /* `self.p.stop()`, `addCleanup(self.p.stop)`; text: p; ref: fkey, ckey */
  TST005_STOPALL,          /* `mock.patch.stopall` called or passed to addCleanup; ref: fkey, ckey */
  TST005_OPEN,             /* start..end: `open(...)` assigned to local p; text: p; ref: fkey, ckey */
  TST005_RELEASE,          /* p closed, used in `with`, returned, yielded or passed to addCleanup; text: p */
};

/* The outermost function around ctx->scope (the segment), and the class it is a method of. */
static bool tst005_keys(const pr_ctx *ctx, uint32_t *fkey, uint32_t *ckey) {
  const pr_model *m = ctx->model;
  uint32_t fn = PR_NONE;
  for (uint32_t s = ctx->scope; s != PR_NONE; s = m->scopes[s].parent)
    if (m->scopes[s].kind == PR_SCOPE_FUNCTION) fn = s;
  if (fn == PR_NONE) return false;
  *fkey = ts_node_start_byte(m->scopes[fn].node);
  uint32_t p = m->scopes[fn].parent;
  *ckey = p != PR_NONE && m->scopes[p].kind == PR_SCOPE_CLASS ? ts_node_start_byte(m->scopes[p].node) : PR_NONE;
  return true;
}

static void tst005_fact(pr_ctx *ctx, uint32_t tag, TSNode range, TSNode name) {
  uint32_t fkey, ckey;
  if (!pr_in_test_code(ctx, ctx->scope) || !tst005_keys(ctx, &fkey, &ckey)) return;
  pr_fact f = {.start = ts_node_start_byte(range), .end = ts_node_end_byte(range), .ref = {fkey, ckey}, .tag = tag};
  if (!ts_node_is_null(name)) f.text = pr_text(ctx, name, &f.text_len);
  pr_add_fact(ctx, &f);
}

/* True for a qualified name ending in `suffix` at a name boundary. */
static bool tst005_ends(const char *q, uint32_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && !strcmp(q + n - k, suffix) && (n == k || q[n - k - 1] == '.');
}

/* True for a call of mock's patch, patch.object, patch.dict or patch.multiple. */
static bool tst005_is_patcher(const pr_ctx *ctx, TSNode call) {
  call = pr_unparenthesize(call);
  if (pr_node_kind(call) != pr_kind_call || ts_node_has_error(call)) return false;  /* a broken call: unknown */
  char q[128];
  uint32_t n = pr_call_qualified_name(ctx, call, q, sizeof q);
  return n && (tst005_ends(q, n, "mock.patch") || tst005_ends(q, n, "mock.patch.object") ||
               tst005_ends(q, n, "mock.patch.dict") || tst005_ends(q, n, "mock.patch.multiple"));
}

static bool tst005_is_stopall(const pr_ctx *ctx, TSNode expr) {
  char q[128];
  uint32_t n = pr_qualified_name(ctx, expr, ctx->scope, q, sizeof q);
  return n && tst005_ends(q, n, "mock.patch.stopall");
}

/* `self.NAME`: NAME, else a null node. */
static TSNode tst005_self_attr(const pr_ctx *ctx, TSNode e) {
  e = pr_unparenthesize(e);
  if (pr_node_kind(e) != pr_kind_attribute) return (TSNode){0};
  TSNode obj = pr_unparenthesize(pr_child(e, pr_field_object));
  if (pr_node_kind(obj) != pr_kind_identifier || !pr_text_is(ctx, obj, "self")) return (TSNode){0};
  return pr_child(e, pr_field_attribute);
}

/* Records RELEASE for every identifier in `node` (small subtrees: a with item,
 * a return value, an addCleanup argument). */
static void tst005_release_names(pr_ctx *ctx, TSNode node) {
  if (ts_node_is_null(node)) return;
  TSTreeCursor c = ts_tree_cursor_new(node);
  for (;;) {
    TSNode cur = ts_tree_cursor_current_node(&c);
    pr_kind k = pr_node_kind(cur);
    if (k == pr_kind_identifier) tst005_fact(ctx, TST005_RELEASE, cur, cur);
    if (ts_tree_cursor_goto_first_child(&c)) continue;
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&c))
      if (!ts_tree_cursor_goto_parent(&c) || ts_node_eq(ts_tree_cursor_current_node(&c), node)) { done = true; break; }
    if (done) break;
  }
  ts_tree_cursor_delete(&c);
}

/* `x.stop` / `self.x.stop` / `mock.patch.stopall` (called or passed). */
static void tst005_stopper(pr_ctx *ctx, TSNode expr, TSNode range) {
  expr = pr_unparenthesize(expr);
  if (pr_node_kind(expr) != pr_kind_attribute) return;
  if (tst005_is_stopall(ctx, expr)) { tst005_fact(ctx, TST005_STOPALL, range, (TSNode){0}); return; }
  if (!pr_text_is(ctx, pr_child(expr, pr_field_attribute), "stop")) return;
  TSNode recv = pr_unparenthesize(pr_child(expr, pr_field_object));
  TSNode attr = tst005_self_attr(ctx, recv);
  if (!ts_node_is_null(attr)) tst005_fact(ctx, TST005_STOP_SELF, range, attr);
  else if (pr_node_kind(recv) == pr_kind_identifier) tst005_fact(ctx, TST005_STOP_LOCAL, range, recv);
}

/* True when s[0..n) contains `word`. */
static bool tst005_contains(const char *s, uint32_t n, const char *word) {
  size_t k = strlen(word);
  for (uint32_t i = 0; i + k <= n; i++)
    if (!memcmp(s + i, word, k)) return true;
  return false;
}

/* True when `text` holds the word `open` (`"builtins.open"`, `f"{__name__}.open"`). */
static bool tst005_mentions_open(const char *s, uint32_t n) {
  for (uint32_t i = 0; i + 4 <= n; i++)
    if (!memcmp(s + i, "open", 4) && (i + 4 == n || !(s[i + 4] == '_' || (s[i + 4] >= 'a' && s[i + 4] <= 'z'))))
      return true;
  return false;
}

/* True when the builtin `open` is mocked where `call` runs: inside a `with`
 * whose item patches something named `open` (`with patch("builtins.open",
 * mock_open(...))`), or in a function decorated with such a patch. */
static bool tst005_open_mocked(const pr_ctx *ctx, TSNode call) {
  for (TSNode n = ctx->parent; !ts_node_is_null(n); n = ts_node_parent(n)) {
    pr_kind k = pr_node_kind(n);
    if (k == pr_kind_class_definition || k == pr_kind_module) return false;
    if (k == pr_kind_function_definition) {
      TSNode d = pr_model_decorated(ctx->model, n);
      if (pr_node_kind(d) != pr_kind_decorated_definition) return false;
      uint32_t c = ts_node_named_child_count(d);
      for (uint32_t i = 0; i < c; i++) {
        TSNode dec = ts_node_named_child(d, i);
        if (pr_node_kind(dec) != pr_kind_decorator) continue;
        uint32_t len;
        const char *s = pr_text(ctx, dec, &len);
        if (tst005_contains(s, len, "patch") && tst005_mentions_open(s, len)) return true;
      }
      return false;
    }
    if (k != pr_kind_with_statement) continue;
    uint32_t len;
    TSNode clause = ts_node_named_child(n, 0);
    if (pr_node_kind(clause) != pr_kind_with_clause) continue;
    const char *s = pr_text(ctx, clause, &len);
    if (tst005_contains(s, len, "patch") && tst005_mentions_open(s, len)) return true;
  }
  (void)call;
  return false;
}

static void tst005_call(pr_ctx *ctx, TSNode call) {
  const pr_model *m = ctx->model;
  TSNode fn = pr_unparenthesize(pr_child(call, pr_field_function));
  TSNode args = pr_child(call, pr_field_arguments);
  if (pr_node_kind(fn) == pr_kind_identifier && pr_text_is(ctx, fn, "open")) {
    /* `p = open(...)`, the builtin, to a local of a function */
    if (pr_model_resolve(m, ctx->scope, "open", 4, ts_node_start_byte(fn)) != PR_NONE) return;
    if (pr_node_kind(ctx->parent) != pr_kind_assignment) return;
    TSNode left = pr_child(ctx->parent, pr_field_left);
    if (pr_node_kind(left) != pr_kind_identifier) return;
    uint32_t s = ctx->scope;
    if (s == PR_NONE || m->scopes[s].kind != PR_SCOPE_FUNCTION) return;
    if (tst005_open_mocked(ctx, call)) return;
    tst005_fact(ctx, TST005_OPEN, call, left);
    return;
  }
  if (pr_node_kind(fn) != pr_kind_attribute) return;
  TSNode name = pr_child(fn, pr_field_attribute);
  TSNode recv = pr_unparenthesize(pr_child(fn, pr_field_object));
  if (pr_text_is(ctx, name, "start")) {
    if (ts_node_named_child_count(args) != 0) return;
    /* `with self.assertRaises(...): patch(...).start()`: expected to fail */
    if (pr_expects_exception(ctx, call, ctx->parent)) return;
    if (tst005_is_patcher(ctx, recv)) { tst005_fact(ctx, TST005_START_CHAIN, call, (TSNode){0}); return; }
    TSNode attr = tst005_self_attr(ctx, recv);
    if (!ts_node_is_null(attr)) { tst005_fact(ctx, TST005_START_SELF, call, attr); return; }
    if (pr_node_kind(recv) != pr_kind_identifier) return;
    uint32_t len;
    const char *s = pr_text(ctx, recv, &len);
    uint32_t b = pr_model_resolve(m, ctx->scope, s, len, ts_node_start_byte(recv));
    if (b == PR_NONE || m->bindings[b].kind != PR_BIND_ASSIGN || m->scopes[m->bindings[b].scope].kind != PR_SCOPE_FUNCTION)
      return;
    if (ts_node_is_null(m->bindings[b].value) || !tst005_is_patcher(ctx, m->bindings[b].value)) return;
    tst005_fact(ctx, TST005_START_LOCAL, call, recv);
    return;
  }
  if (pr_text_is(ctx, name, "stop") || pr_text_is(ctx, name, "stopall")) {
    tst005_stopper(ctx, fn, call);
    return;
  }
  if (pr_text_is(ctx, name, "close") && pr_node_kind(recv) == pr_kind_identifier) {
    tst005_fact(ctx, TST005_RELEASE, call, recv);
    return;
  }
  if (pr_text_is(ctx, name, "addCleanup") || pr_text_is(ctx, name, "addClassCleanup") ||
      pr_text_is(ctx, name, "callback")) {
    uint32_t n = ts_node_named_child_count(args);
    for (uint32_t i = 0; i < n; i++) {
      TSNode a = ts_node_named_child(args, i);
      if (pr_node_kind(a) == pr_kind_keyword_argument) a = pr_child(a, pr_field_value);
      tst005_stopper(ctx, a, a);
      tst005_release_names(ctx, a);
    }
  }
}

static void tst005_node(pr_ctx *ctx, TSNode node) {
  switch (pr_node_kind(node)) {
  case pr_kind_call: tst005_call(ctx, node); break;
  case pr_kind_assignment: {
    /* `f = None`: the file is dropped on purpose (CPython closes it with its last reference) */
    TSNode left = pr_child(node, pr_field_left);
    if (pr_node_kind(left) == pr_kind_identifier && pr_node_kind(pr_child(node, pr_field_right)) == pr_kind_none)
      tst005_fact(ctx, TST005_RELEASE, node, left);
    TSNode attr = tst005_self_attr(ctx, left);
    if (!ts_node_is_null(attr) && tst005_is_patcher(ctx, pr_child(node, pr_field_right)))
      tst005_fact(ctx, TST005_SELF_PATCHER, node, attr);
    break;
  }
  case pr_kind_with_item: tst005_release_names(ctx, node); break;
  case pr_kind_return_statement:
  case pr_kind_yield: tst005_release_names(ctx, node); break;
  default: break;
  }
}

static bool tst005_same_text(const pr_fact *a, const pr_fact *b) {
  return a->text && b->text && a->text_len == b->text_len && !memcmp(a->text, b->text, a->text_len);
}

/* True when some fact of `tag` matches `f` on the name (when `named`) and on ref[which]. */
static bool tst005_any(const pr_fact *facts, uint32_t count, uint32_t tag, const pr_fact *f, int which, bool named) {
  uint32_t key = f->ref[which];
  if (key == PR_NONE) return false;
  for (uint32_t i = 0; i < count; i++)
    if (facts[i].tag == tag && facts[i].ref[which] == key && (!named || tst005_same_text(&facts[i], f))) return true;
  return false;
}

static void tst005_check(pr_ctx *ctx, const pr_fact *facts, uint32_t count) {
  for (uint32_t i = 0; i < count; i++) {
    const pr_fact *f = &facts[i];
    /* `mock.patch.stopall` stops every started patcher: in the function, or anywhere in the class (tearDown) */
    bool stopall = f->tag != TST005_OPEN && f->tag != TST005_RELEASE &&
                   (tst005_any(facts, count, TST005_STOPALL, f, 0, false) ||
                    tst005_any(facts, count, TST005_STOPALL, f, 1, false));
    switch (f->tag) {
    case TST005_START_LOCAL:
      if (stopall || tst005_any(facts, count, TST005_STOP_LOCAL, f, 0, true)) break;
      pr_report_bytes(ctx, f->start, f->end,
                      "Patcher `%s` is started and never stopped: its mock leaks into later tests; add "
                      "`self.addCleanup(%s.stop)`",
                      f->text, f->text);
      break;
    case TST005_START_SELF:
      if (!tst005_any(facts, count, TST005_SELF_PATCHER, f, 1, true)) break;  /* not known to be a patcher */
      if (stopall || tst005_any(facts, count, TST005_STOP_SELF, f, 1, true)) break;
      pr_report_bytes(ctx, f->start, f->end,
                      "Patcher `self.%s` is started and never stopped in this class: its mock leaks into later "
                      "tests; add `self.addCleanup(self.%s.stop)`",
                      f->text, f->text);
      break;
    case TST005_START_CHAIN:
      if (stopall) break;
      pr_report_bytes(ctx, f->start, f->end,
                      "This patcher is started and can never be stopped (no `mock.patch.stopall`): its mock leaks "
                      "into later tests; keep it and add `self.addCleanup(patcher.stop)`");
      break;
    case TST005_OPEN:
      if (tst005_any(facts, count, TST005_RELEASE, f, 0, true)) break;
      pr_report_bytes(ctx, f->start, f->end,
                      "File `%s` is opened and never closed: use `with open(...) as %s:` or "
                      "`self.addCleanup(%s.close)`",
                      f->text, f->text, f->text);
      break;
    default: break;
    }
  }
}

const pr_rule pr_rule_tst005 = {
  .code = "TST005",
  .name = "unreleased-test-resource",
  .category = "Tests",
  .severity = PR_SEV_WARNING,
  .cwe = 772,
  .tags = 0,
  .flags = PR_RULE_TESTS_ONLY,
  .summary = "A patcher started and never stopped, or a file opened and never closed, in test code",
  .doc = pr_doc_tst005,
  .kinds = {pr_kind_call, pr_kind_assignment, pr_kind_with_item, pr_kind_return_statement, pr_kind_yield},
  .on_node = tst005_node,
  .on_facts = tst005_check,
};
