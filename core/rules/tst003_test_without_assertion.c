/* TST003 test-without-assertion: a test function that asserts nothing.
 *
 * ## What it does
 * Flags a test function (a module-level `test*` function of a test file, or
 * a `test*` method of a test class) that contains none of: an `assert`
 * statement; a call of `self.assert*` or `self.fail*`, `pytest.raises`,
 * `pytest.warns` or `pytest.fail`, or a mock assertion (`m.assert_called_once()`);
 * a call of a helper whose name starts with `assert`, `check`, `verify`,
 * `expect`, `_assert`, `_check`, `_verify` or `_wait_for` (as written: a
 * class such as `CheckoutPage(...)` is no helper), wherever it is defined; a
 * call of a function of the same file (a module-level function, or a
 * `self.`/`cls.` method of the class or of its bases defined in the file)
 * that does one of these, transitively. A function nested in the test, a
 * lambda, or a function passed as an argument (`map(check_row, rows)`;
 * not a value such as `compute(expected)`) counts as called;
 * `raise AssertionError(...)`, `pytest.deprecated_call`, nose's `eq_`/`ok_`,
 * `testtools.ExpectedException(...)` (any import form), the assertion helpers
 * of nose and `sqlalchemy.testing` (`eq_`, `ne_`, `is_`, `is_not`, `in_`,
 * `not_in`, `le_`, `lt_`, `ge_`, `gt_`, by name) and `@raises(E)` count as
 * assertions. Not flagged either: a test method whose whole body is `pass`,
 * `...` and/or a docstring in a class with a base other than `object` and the
 * frameworks' own bases (`unittest.TestCase`, `IsolatedAsyncioTestCase`,
 * `testtools.TestCase`, django.test's `SimpleTestCase`, `TestCase`,
 * `TransactionTestCase`, `LiveServerTestCase`): it disables a test it
 * inherits. Not flagged: tests with a skip decorator
 * (`unittest.skip*`, `pytest.mark.skip*`, on the test or its class, or a
 * skipping `pytestmark`), tests that skip themselves unconditionally (a
 * `self.skipTest(...)` or `pytest.skip(...)` directly in the test body, not
 * under an `if`), `@pytest.fixture` functions
 * named `test_*`, and tests containing a syntax error.
 *
 * ## Why is this bad?
 * A test without an assertion passes whenever the code under test does not
 * raise: it reports success while checking nothing, and a wrong result goes
 * unnoticed.
 *
 * ## Example
 * ```python
 * def test_discount():
 *     order = Order(total=100)
 *     apply_discount(order, percent=10)
 * ```
 *
 * ## Use instead
 * ```python
 * def test_discount():
 *     order = Order(total=100)
 *     apply_discount(order, percent=10)
 *     assert order.total == 90
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Classes searched for a `self.` method: the class and its bases in the file. */
#define TST003_MAX_MRO 32

/* Facts (rule.h): the verdict needs the whole file's call graph. A function
 * is keyed by the byte where its definition starts (its decorators
 * included), which for a method or a top-level function is where its
 * segment starts (incremental.h), so keys recorded in one function stay
 * right while another function's text changes. */
enum {
  TST003_FACT_FUNCTION = 1,  /* start..end: its name; ref[0]: its key; ref[1]: the enclosing function's key */
  TST003_FACT_CALLS,         /* ref[0] asserts when ref[1] (a function nested in a function) does */
  TST003_FACT_CALLS_FUNCTION,  /* ref[0] calls the module-level function `text`: resolved over the whole file */
  TST003_FACT_CALLS_METHOD,    /* ref[0] calls or passes method `text` of its class (value: flags below) */
};
/* TST003_FACT_CALLS_METHOD values */
enum {
  TST003_SUPER = 1u << 0,    /* super().name: the search starts at the bases */
  TST003_PASSED = 1u << 1,   /* passed, not called: an unknown assertion-named method counts as inherited */
  TST003_QUALIFIED = 1u << 2,  /* `text` is `Class.method` (a class path from the module, dots between):
                                  the search of a class nested in a function went on in that class, which
                                  is defined outside the function (see tst003_search_nested) */
};

/* Where a call or a passed function leads. Functions defined in a class body
 * or at module level are other segments (incremental.h): they are named and
 * looked up when the whole file is judged; a function nested in a function is
 * in the caller's own segment and is keyed directly. */
typedef struct tst003_target {
  uint32_t key;              /* a nested function's key, or PR_NONE */
  uint32_t tag;              /* 0, TST003_FACT_CALLS_FUNCTION or TST003_FACT_CALLS_METHOD */
  uint32_t flags;            /* TST003_SUPER, TST003_PASSED */
  const char *name;
  uint32_t len;
} tst003_target;
enum {
  TST003_ASSERTS = 1u << 0,  /* it asserts directly */
  TST003_JUDGED = 1u << 1,   /* a test that is not exempt: reported unless it asserts */
};

typedef struct tst003_state {
  uint32_t scope_count;
  uint8_t *asserts;        /* per scope: the function asserts directly */
  /* attribute names the file assigns (`self.expected = 3`) that look like
   * assertion helpers, sorted; collected once, on first need */
  struct tst003_name *assigned;
  uint32_t assigned_count;
  bool assigned_ready;
} tst003_state;

typedef struct tst003_name {
  const char *name;
  uint32_t len;
} tst003_name;

static tst003_state *tst003_state_of(pr_ctx *ctx) {
  tst003_state *st = pr_rule_state(ctx, sizeof *st);
  if (!st) return NULL;
  if (!st->asserts) {
    st->scope_count = ctx->model->scope_count;
    st->asserts = pr_ctx_alloc(ctx, st->scope_count ? st->scope_count : 1);
    if (!st->asserts) return NULL;
  }
  return st;
}

/* A function's key: where its definition starts, decorators included. */
static uint32_t tst003_key_of_def(const pr_ctx *ctx, TSNode def) {
  const pr_model *m = ctx->model;
  uint32_t id = pr_model_scope_of_node(m, def);
  if (id != PR_NONE) {
    TSNode d = m->scopes[id].decorated;
    return ts_node_start_byte(ts_node_is_null(d) ? def : d);
  }
  /* a def whose results are reused: it is a segment, seen from the skeleton */
  return pr_definition_start(ctx, def);
}

static uint32_t tst003_key_of_scope(const pr_model *m, uint32_t scope) {
  TSNode d = m->scopes[scope].decorated;
  return ts_node_start_byte(ts_node_is_null(d) ? m->scopes[scope].node : d);
}

/* The innermost `def` scope containing `scope` (lambdas, comprehensions and
 * class bodies belong to the function around them), or PR_NONE. */
static uint32_t tst003_function(const pr_model *m, uint32_t scope) {
  while (scope != PR_NONE && m->scopes[scope].kind != PR_SCOPE_FUNCTION) scope = m->scopes[scope].parent;
  return scope;
}


/* A name that promises an assertion: `assert*`, `check*`, `verify*`, `expect*`,
 * `_assert*`, `_check*`, `_verify*`, `_wait_for*`, as written (`assertThat`,
 * `check_row`; not a class such as `CheckoutPage` or `ExpectedResult`). */
static bool tst003_assertion_name(const char *s, uint32_t n) {
  static const char *const prefixes[] = {"assert", "check", "verify", "expect", "_assert",
                                         "_check", "_verify", "_wait_for", NULL};
  for (int i = 0; prefixes[i]; i++) {
    size_t k = strlen(prefixes[i]);
    if (n >= k && !memcmp(s, prefixes[i], k)) return true;
  }
  return false;
}

/* The class scope whose methods `self.`/`cls.` reach from `scope`, or PR_NONE. */
static uint32_t tst003_enclosing_class(const pr_model *m, uint32_t scope) {
  while (scope != PR_NONE && m->scopes[scope].kind != PR_SCOPE_CLASS) {
    if (m->scopes[scope].kind == PR_SCOPE_MODULE) return PR_NONE;
    scope = m->scopes[scope].parent;
  }
  return scope;
}

/* Looks `name` up in class `cls` and its bases defined in the file, in
 * depth-first order (`skip_self`: start with the bases, for `super().name`).
 * Returns the key of the method found, or PR_NONE (not found, or bound to
 * something other than a def); *bound (may be NULL) tells whether a class of
 * the file binds the name at all. With `deferred` (may be NULL), a search
 * left with nothing but a class defined at module level or in such a class
 * stops there: *deferred is that class (else PR_NONE) and the rest is the
 * caller's to do. */
static bool tst003_class_is_top(const pr_model *m, uint32_t cls);

static uint32_t tst003_method_from(const pr_ctx *ctx, uint32_t cls, const char *name, uint32_t len, bool skip_self,
                                   bool *bound, uint32_t *deferred) {
  const pr_model *m = ctx->model;
  uint32_t stack[TST003_MAX_MRO], seen[TST003_MAX_MRO];
  uint32_t top = 0, seen_count = 0;
  if (bound) *bound = false;
  if (deferred) *deferred = PR_NONE;
  stack[top++] = cls;
  while (top) {
    uint32_t c = stack[--top];
    bool visited = false;
    for (uint32_t i = 0; i < seen_count && !visited; i++) visited = seen[i] == c;
    if (visited || seen_count == TST003_MAX_MRO) continue;
    /* what is left of the search is that class's own: the verdict's */
    if (deferred && !top && c != cls && tst003_class_is_top(m, c)) {
      *deferred = c;
      return PR_NONE;
    }
    seen[seen_count++] = c;
    if (!(skip_self && c == cls)) {
      uint32_t sym = pr_model_symbol(m, c, name, len);
      if (sym != PR_NONE && m->symbols[sym].last != PR_NONE) {
        const pr_binding *b = &m->bindings[m->symbols[sym].last];
        if (bound) *bound = true;
        if (b->kind != PR_BIND_FUNCTION) return PR_NONE;
        return tst003_key_of_def(ctx, b->statement);
      }
    }
    /* push the bases right to left so the first base is searched first */
    TSNode bases = pr_child(m->scopes[c].node, pr_field_superclasses);
    uint32_t nb = ts_node_is_null(bases) ? 0 : ts_node_named_child_count(bases);
    for (uint32_t i = nb; i-- > 0;) {
      TSNode base = pr_unparenthesize(ts_node_named_child(bases, i));
      if (pr_node_kind(base) != pr_kind_identifier || top == TST003_MAX_MRO) continue;
      uint32_t bl;
      const char *bs = pr_text(ctx, base, &bl);
      uint32_t bid = pr_model_resolve(m, m->scopes[c].parent, bs, bl, ts_node_start_byte(m->scopes[c].node));
      if (bid == PR_NONE || m->bindings[bid].kind != PR_BIND_CLASS) continue;
      uint32_t bc = pr_model_scope_of_node(m, m->bindings[bid].statement);
      if (bc != PR_NONE && m->scopes[bc].kind == PR_SCOPE_CLASS) stack[top++] = bc;
    }
  }
  return PR_NONE;
}

static uint32_t tst003_method(const pr_ctx *ctx, uint32_t cls, const char *name, uint32_t len, bool skip_self,
                              bool *bound) {
  return tst003_method_from(ctx, cls, name, len, skip_self, bound, NULL);
}

/* True when class scope `cls` is defined at module level or in such a class. */
static bool tst003_class_is_top(const pr_model *m, uint32_t cls) {
  for (uint32_t s = cls; s != PR_NONE; s = m->scopes[s].parent)
    if (m->scopes[s].kind != PR_SCOPE_CLASS && m->scopes[s].kind != PR_SCOPE_MODULE) return false;
  return true;
}

/* The target for a call of the function bound by binding b. */
static void tst003_function_target(const pr_ctx *ctx, uint32_t b, const char *s, uint32_t len, tst003_target *t) {
  const pr_model *m = ctx->model;
  if (m->scopes[m->bindings[b].scope].kind == PR_SCOPE_MODULE)
    *t = (tst003_target){.key = PR_NONE, .tag = TST003_FACT_CALLS_FUNCTION, .name = s, .len = len};
  else
    t->key = tst003_key_of_def(ctx, m->bindings[b].statement);
}

/* The search for method `s` of class `cls`, which is nested in a function
 * (`super`: for `super().s`), as far as it stays in that function: its key
 * or PR_NONE, with *bound as tst003_method gives it. A search that goes on
 * into a class defined outside the function (most often a base defined at
 * module level) would key a method of another segment (incremental.h) and
 * keep the function from being reused; that class is named in *target
 * instead (TST003_QUALIFIED: `Class.s`), for the verdict to finish the
 * search (tst003_resolve). `flags`: the target's other flags. */
static uint32_t tst003_search_nested(pr_ctx *ctx, uint32_t cls, const char *s, uint32_t len, bool super,
                                     uint32_t flags, tst003_target *target, bool *bound) {
  const pr_model *m = ctx->model;
  uint32_t deferred;
  uint32_t key = tst003_method_from(ctx, cls, s, len, super, bound, &deferred);
  if (deferred == PR_NONE) return key;
  size_t n = len + 1;
  for (uint32_t c = deferred; c != PR_NONE && m->scopes[c].kind == PR_SCOPE_CLASS; c = m->scopes[c].parent)
    n += strlen(m->scopes[c].name) + 1;
  char *text = pr_ctx_alloc(ctx, n);
  if (!text) return tst003_method(ctx, cls, s, len, super, bound);
  /* written backwards: the method, then each class out to the module */
  size_t at = n - 1 - len;
  memcpy(text + at, s, len);
  for (uint32_t c = deferred; c != PR_NONE && m->scopes[c].kind == PR_SCOPE_CLASS; c = m->scopes[c].parent) {
    size_t cl = strlen(m->scopes[c].name);
    text[--at] = '.';
    at -= cl;
    memcpy(text + at, m->scopes[c].name, cl);
  }
  *target = (tst003_target){.key = PR_NONE, .tag = TST003_FACT_CALLS_METHOD, .flags = flags | TST003_QUALIFIED,
                            .name = text, .len = (uint32_t)(n - 1)};
  return PR_NONE;
}

/* What calling (or passing) `callee` from `scope` means: true when it is an
 * assertion; otherwise *target tells the same-file function it runs, if any.
 * `call` is the call whose function `callee` is (its qualified name is then
 * shared with the other rules that ask), or a null node. */
static bool tst003_callee(pr_ctx *ctx, TSNode callee, TSNode call, uint32_t scope, tst003_target *target) {
  const pr_model *m = ctx->model;
  *target = (tst003_target){.key = PR_NONE};
  callee = pr_unparenthesize(callee);
  TSNode last = pr_last_name_part(callee);
  if (ts_node_is_null(last)) return false;
  uint32_t len;
  const char *s = pr_text(ctx, last, &len);
  if (tst003_assertion_name(s, len)) return true;
  /* the assertion helpers of nose and sqlalchemy.testing, by name */
  static const char *const helpers[] = {"eq_", "ne_", "is_", "is_not", "in_", "not_in",
                                        "le_", "lt_", "ge_", "gt_", NULL};
  for (int i = 0; helpers[i]; i++)
    if (len == strlen(helpers[i]) && !memcmp(s, helpers[i], len)) return true;
  char q[128];
  bool shared = !ts_node_is_null(call) && scope == ctx->scope;
  if (shared ? pr_call_qualified_name(ctx, call, q, sizeof q) : pr_qualified_name(ctx, callee, scope, q, sizeof q)) {
    /* nose's eq_/ok_ are assertions too (its assert_* helpers match by prefix) */
    static const char *const pytest[] = {"pytest.raises", "pytest.warns", "pytest.fail", "pytest.deprecated_call",
                                         "nose.tools.eq_", "nose.tools.ok_", "nose.tools.ne_",
                                         "testtools.ExpectedException", "testtools.testcase.ExpectedException",
                                         NULL};
    for (int i = 0; pytest[i]; i++)
      if (!strcmp(q, pytest[i])) return true;
  }
  if (pr_node_kind(callee) == pr_kind_identifier) {
    uint32_t b = pr_model_resolve(m, scope, s, len, ts_node_start_byte(callee));
    if (b != PR_NONE && m->bindings[b].kind == PR_BIND_FUNCTION) tst003_function_target(ctx, b, s, len, target);
    return false;
  }
  TSNode recv = pr_unparenthesize(pr_child(callee, pr_field_object));
  bool self = pr_node_kind(recv) == pr_kind_identifier &&
              (pr_text_is(ctx, recv, "self") || pr_text_is(ctx, recv, "cls"));
  if (self && len >= 4 && !memcmp(s, "fail", 4)) return true;  /* self.fail(), self.failUnless() */
  bool super = pr_node_kind(recv) == pr_kind_call &&
               pr_text_is(ctx, pr_unparenthesize(pr_child(recv, pr_field_function)), "super");
  if (self || super) {
    uint32_t cls = tst003_enclosing_class(m, scope);
    if (cls != PR_NONE && tst003_class_is_top(m, cls))
      *target = (tst003_target){.key = PR_NONE, .tag = TST003_FACT_CALLS_METHOD, .flags = super ? TST003_SUPER : 0,
                                .name = s, .len = len};
    else if (cls != PR_NONE)
      target->key = tst003_search_nested(ctx, cls, s, len, super, 0, target, NULL);
  }
  return false;
}

static bool tst003_ident_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (unsigned char)c >= 0x80;
}

/* Finds the next attribute assignment in text[*pos..len): `.name` followed by
 * `=` (not `==`) or `:` (an annotation). Returns false at the end. */
static bool tst003_next_assigned(const char *text, uint32_t len, uint32_t *pos, tst003_name *out,
                                 bool assertion_like) {
  for (uint32_t p = *pos; p < len; p++) {
    const char *dot = memchr(text + p, '.', len - p);
    if (!dot) break;
    p = (uint32_t)(dot - text);
    /* the file key wants assertion-like names only (tst003_assertion_name):
       most attributes are told apart by their first letter */
    if (assertion_like && p + 1 < len && !strchr("acve_", text[p + 1])) continue;
    uint32_t q = p + 1;
    while (q < len && tst003_ident_char(text[q])) q++;
    if (q == p + 1) continue;
    uint32_t r = q;
    while (r < len && (text[r] == ' ' || text[r] == '\t')) r++;
    if (r < len && (text[r] == ':' || (text[r] == '=' && (r + 1 >= len || text[r + 1] != '=')))) {
      out->name = text + p + 1;
      out->len = q - p - 1;
      *pos = q;
      return true;
    }
    p = q - 1;
  }
  *pos = len;
  return false;
}

static int tst003_name_cmp(const void *a, const void *b) {
  const tst003_name *x = a, *y = b;
  uint32_t n = x->len < y->len ? x->len : y->len;
  int c = memcmp(x->name, y->name, n);
  return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* True when the file assigns the attribute `name` of some object
 * (`self.expected = 3`, `cls.expected: int = 3`): a data attribute, not a
 * method. The file is scanned once, for names with an assertion prefix. */
static bool tst003_assigned_attribute(pr_ctx *ctx, const char *name, uint32_t len) {
  tst003_state *st = ctx->state;
  if (!st) return false;
  if (!st->assigned_ready) {
    st->assigned_ready = true;
    uint32_t count = 0, pos = 0;
    tst003_name n;
    while (tst003_next_assigned(ctx->text, ctx->len, &pos, &n, false))
      if (tst003_assertion_name(n.name, n.len)) count++;
    if (count) st->assigned = pr_ctx_alloc(ctx, count * sizeof *st->assigned);
    if (st->assigned) {
      pos = 0;
      while (tst003_next_assigned(ctx->text, ctx->len, &pos, &n, false) && st->assigned_count < count)
        if (tst003_assertion_name(n.name, n.len)) st->assigned[st->assigned_count++] = n;
      qsort(st->assigned, st->assigned_count, sizeof *st->assigned, tst003_name_cmp);
    }
  }
  tst003_name key = {name, len};
  return st->assigned_count &&
         bsearch(&key, st->assigned, st->assigned_count, sizeof *st->assigned, tst003_name_cmp) != NULL;
}

/* What passing `arg` (an argument, or the first item of a nose `yield`) means:
 * only a function counts, run by the callee (`map(check_row, rows)`,
 * `addCleanup(self._verify_total, order)`): a def of the file, an imported
 * name, or a method of the test's class; never data (`compute(expected)`,
 * `load(self.expected)`). True when it is an assertion; otherwise *target
 * receives the same-file function it names, or PR_NONE. */
static bool tst003_passed(pr_ctx *ctx, TSNode arg, uint32_t scope, tst003_target *target) {
  const pr_model *m = ctx->model;
  *target = (tst003_target){.key = PR_NONE};
  arg = pr_unparenthesize(arg);
  TSNode last = pr_last_name_part(arg);
  if (ts_node_is_null(last)) return false;
  uint32_t len;
  const char *s = pr_text(ctx, last, &len);
  if (pr_node_kind(arg) == pr_kind_identifier) {
    uint32_t b = pr_model_resolve(m, scope, s, len, ts_node_start_byte(arg));
    if (b != PR_NONE && m->bindings[b].kind == PR_BIND_FUNCTION) {
      if (tst003_assertion_name(s, len)) return true;
      tst003_function_target(ctx, b, s, len, target);
      return false;
    }
    return b != PR_NONE && m->bindings[b].kind == PR_BIND_IMPORT && tst003_callee(ctx, arg, (TSNode){0}, scope, target);
  }
  TSNode recv = pr_unparenthesize(pr_child(arg, pr_field_object));
  bool self = pr_node_kind(recv) == pr_kind_identifier &&
              (pr_text_is(ctx, recv, "self") || pr_text_is(ctx, recv, "cls"));
  bool super = pr_node_kind(recv) == pr_kind_call &&
               pr_text_is(ctx, pr_unparenthesize(pr_child(recv, pr_field_function)), "super");
  if (self || super) {
    uint32_t cls = tst003_enclosing_class(m, scope);
    if (cls == PR_NONE) return false;
    if (tst003_class_is_top(m, cls)) {  /* decided over the whole file: tst003_resolve */
      *target = (tst003_target){.key = PR_NONE, .tag = TST003_FACT_CALLS_METHOD,
                                .flags = TST003_PASSED | (super ? TST003_SUPER : 0), .name = s, .len = len};
      return false;
    }
    bool bound;
    uint32_t method = tst003_search_nested(ctx, cls, s, len, super, TST003_PASSED, target, &bound);
    if (target->tag) return false;  /* decided with the class it went on in */
    if (method != PR_NONE) {
      if (tst003_assertion_name(s, len)) return true;
      target->key = method;
      return false;
    }
    /* not a method of the file: an inherited helper, unless it is data */
    return !bound && tst003_assertion_name(s, len) && !tst003_assigned_attribute(ctx, s, len);
  }
  /* `helpers.check_row`: an attribute of an imported module */
  TSNode first = recv;
  while (pr_node_kind(first) == pr_kind_attribute) first = pr_unparenthesize(pr_child(first, pr_field_object));
  if (pr_node_kind(first) != pr_kind_identifier) return false;
  uint32_t fl;
  const char *fs = pr_text(ctx, first, &fl);
  uint32_t b = pr_model_resolve(m, scope, fs, fl, ts_node_start_byte(first));
  return b != PR_NONE && m->bindings[b].kind == PR_BIND_IMPORT && tst003_callee(ctx, arg, (TSNode){0}, scope, target);
}

static void tst003_mark(pr_ctx *ctx, tst003_state *st, uint32_t fn, bool asserts, const tst003_target *target,
                        TSNode at) {
  if (fn == PR_NONE || fn >= st->scope_count) return;
  if (asserts) {
    st->asserts[fn] = 1;
    return;
  }
  uint32_t from = tst003_key_of_scope(ctx->model, fn);
  pr_fact f = {.start = ts_node_start_byte(at), .end = ts_node_end_byte(at), .ref = {from, PR_NONE}};
  if (target->tag) {
    f.tag = target->tag;
    f.value = target->flags;
    f.text = target->name;
    f.text_len = target->len;
  } else if (target->key != PR_NONE && target->key != from) {
    f.tag = TST003_FACT_CALLS;
    f.ref[1] = target->key;
  } else {
    return;
  }
  pr_add_fact(ctx, &f);
}

/* Calls, and functions passed as arguments (`map(self.check_row, rows)`). */
static void tst003_call(pr_ctx *ctx, tst003_state *st, uint32_t fn, TSNode call) {
  tst003_target target;
  bool asserts = tst003_callee(ctx, pr_child(call, pr_field_function), call, ctx->scope, &target);
  tst003_mark(ctx, st, fn, asserts, &target, call);
  TSNode args = pr_child(call, pr_field_arguments);
  if (pr_node_kind(args) != pr_kind_argument_list) return;
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n && !st->asserts[fn]; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (pr_node_kind(a) == pr_kind_keyword_argument) a = pr_child(a, pr_field_value);
    pr_kind k = pr_node_kind(a);
    if (k != pr_kind_identifier && k != pr_kind_attribute) continue;
    asserts = tst003_passed(ctx, a, ctx->scope, &target);
    tst003_mark(ctx, st, fn, asserts, &target, a);
  }
}

/* nose-style generator tests: `yield check_value, x`. */
static void tst003_yield(pr_ctx *ctx, tst003_state *st, uint32_t fn, TSNode y) {
  if (ts_node_named_child_count(y) == 0) return;
  TSNode v = pr_unparenthesize(ts_node_named_child(y, 0));
  pr_kind k = pr_node_kind(v);
  if (k == pr_kind_expression_list || k == pr_kind_tuple) v = pr_unparenthesize(ts_node_named_child(v, 0));
  k = pr_node_kind(v);
  if (k != pr_kind_identifier && k != pr_kind_attribute) return;
  tst003_target target;
  bool asserts = tst003_passed(ctx, v, ctx->scope, &target);
  tst003_mark(ctx, st, fn, asserts, &target, y);
}

/* `raise AssertionError(...)`, `raise self.failureException(...)`. */
static bool tst003_raises_assertion(const pr_ctx *ctx, TSNode raise) {
  if (ts_node_named_child_count(raise) == 0) return false;
  TSNode e = pr_unparenthesize(ts_node_named_child(raise, 0));
  if (pr_node_kind(e) == pr_kind_call) e = pr_child(e, pr_field_function);
  TSNode last = pr_last_name_part(e);
  return !ts_node_is_null(last) &&
         (pr_text_is(ctx, last, "AssertionError") || pr_text_is(ctx, last, "failureException"));
}

static void tst003_node(pr_ctx *ctx, TSNode node) {
  tst003_state *st = tst003_state_of(ctx);
  if (!st) return;
  uint32_t fn = tst003_function(ctx->model, ctx->scope);
  if (fn == PR_NONE || fn >= st->scope_count || st->asserts[fn]) return;
  switch (pr_node_kind(node)) {
  case pr_kind_assert_statement: st->asserts[fn] = 1; break;
  case pr_kind_raise_statement:
    if (tst003_raises_assertion(ctx, node)) st->asserts[fn] = 1;
    break;
  case pr_kind_call: tst003_call(ctx, st, fn, node); break;
  case pr_kind_yield: tst003_yield(ctx, st, fn, node); break;
  default: break;
  }
}

/* True when a decorator's last name part starts with `skip` (`unittest.skip`,
 * `unittest.skipIf`, `pytest.mark.skipif`, a project's `skip_without_db`), is
 * `fixture`/`yield_fixture` (a pytest fixture named `test_*` is not a test) or
 * `raises` (nose's `@raises(E)` asserts that the test raises E). */
static bool tst003_exempt_decorated(const pr_ctx *ctx, TSNode def) {
  TSNode parent = pr_model_decorated(ctx->model, def);
  if (pr_node_kind(parent) != pr_kind_decorated_definition) return false;
  uint32_t n = ts_node_named_child_count(parent);
  for (uint32_t i = 0; i < n; i++) {
    TSNode d = ts_node_named_child(parent, i);
    if (pr_node_kind(d) != pr_kind_decorator) continue;
    TSNode e = pr_unparenthesize(ts_node_named_child(d, 0));
    if (pr_node_kind(e) == pr_kind_call) e = pr_child(e, pr_field_function);
    TSNode last = pr_last_name_part(e);
    if (ts_node_is_null(last)) continue;
    uint32_t len;
    const char *s = pr_text(ctx, last, &len);
    if (len >= 4 && !strncasecmp(s, "skip", 4)) return true;
    if (pr_text_is(ctx, last, "fixture") || pr_text_is(ctx, last, "yield_fixture") || pr_text_is(ctx, last, "raises"))
      return true;
  }
  return false;
}

/* True when `scope` (the module or a class body) assigns a `pytestmark` that skips. */
static bool tst003_pytestmark_skips(const pr_ctx *ctx, uint32_t scope) {
  const pr_model *m = ctx->model;
  uint32_t sym = pr_model_symbol(m, scope, "pytestmark", 10);
  if (sym == PR_NONE) return false;
  for (uint32_t b = m->symbols[sym].first; b != PR_NONE; b = m->bindings[b].next) {
    const pr_binding *bd = &m->bindings[b];
    if (bd->kind != PR_BIND_ASSIGN && bd->kind != PR_BIND_ANNASSIGN) continue;
    TSNode stmt = bd->statement;  /* the assignment: its right side may be a list of marks */
    TSNode value = pr_child(stmt, pr_field_right);
    if (ts_node_is_null(value)) continue;
    uint32_t len;
    const char *t = pr_text(ctx, value, &len);
    for (uint32_t i = 0; i + 9 <= len; i++)
      if (!memcmp(t + i, "mark.skip", 9)) return true;
  }
  return false;
}

/* True when a statement directly in the test body skips it unconditionally:
 * `self.skipTest(...)`, `pytest.skip(...)`, `pytest.xfail(...)`, `raise SkipTest(...)`. */
static bool tst003_skips_itself(const pr_ctx *ctx, uint32_t scope, TSNode def) {
  TSNode body = pr_child(def, pr_field_body);
  if (pr_node_kind(body) != pr_kind_block) return false;
  const TSNode *kids;
  uint32_t n = pr_block_children(ctx, body, &kids);
  if (n == PR_NONE) return false;
  for (uint32_t i = 0; i < n; i++) {
    TSNode s = kids[i];
    pr_kind k = pr_node_kind(s);
    TSNode e = ts_node_named_child_count(s) ? pr_unparenthesize(ts_node_named_child(s, 0)) : (TSNode){0};
    if (k == pr_kind_raise_statement) {
      if (pr_node_kind(e) == pr_kind_call) e = pr_child(e, pr_field_function);
      TSNode last = pr_last_name_part(e);
      if (!ts_node_is_null(last) && pr_text_is(ctx, last, "SkipTest")) return true;
      continue;
    }
    if (k != pr_kind_expression_statement || pr_node_kind(e) != pr_kind_call) continue;
    TSNode fn = pr_child(e, pr_field_function);
    TSNode last = pr_last_name_part(fn);
    if (!ts_node_is_null(last) && pr_text_is(ctx, last, "skipTest")) return true;
    char q[64];
    if (pr_qualified_name(ctx, fn, scope, q, sizeof q) && (!strcmp(q, "pytest.skip") || !strcmp(q, "pytest.xfail")))
      return true;
  }
  return false;
}

/* True when the test's whole body is `pass`, `...` and/or a docstring. */
static bool tst003_empty_body(const pr_ctx *ctx, TSNode def) {
  TSNode body = pr_child(def, pr_field_body);
  uint32_t n = ts_node_named_child_count(body), statements = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode st = ts_node_named_child(body, i);
    pr_kind k = pr_node_kind(st);
    if (k == pr_kind_comment) continue;
    statements++;
    if (k == pr_kind_pass_statement) continue;
    if (k != pr_kind_expression_statement || ts_node_named_child_count(st) != 1) return false;
    pr_kind e = pr_node_kind(pr_unparenthesize(ts_node_named_child(st, 0)));
    if (e != pr_kind_ellipsis && e != pr_kind_string && e != pr_kind_concatenated_string) return false;
  }
  (void)ctx;
  return statements > 0;
}

/* True when class scope `cls` has a base other than `object` and the test
 * frameworks' own base classes: a pass-only test there disables a test it
 * inherits. */
static bool tst003_inherits_tests(const pr_ctx *ctx, uint32_t cls) {
  static const char *const framework[] = {
    "object", "unittest.TestCase", "unittest.case.TestCase", "unittest.IsolatedAsyncioTestCase",
    "unittest.async_case.IsolatedAsyncioTestCase", "testtools.TestCase", "testtools.testcase.TestCase",
    "django.test.SimpleTestCase", "django.test.TestCase", "django.test.TransactionTestCase",
    "django.test.LiveServerTestCase", "django.test.testcases.SimpleTestCase", "django.test.testcases.TestCase",
    "django.test.testcases.TransactionTestCase", "django.test.testcases.LiveServerTestCase", NULL};
  const pr_model *m = ctx->model;
  TSNode bases = pr_child(m->scopes[cls].node, pr_field_superclasses);
  uint32_t n = ts_node_is_null(bases) ? 0 : ts_node_named_child_count(bases);
  for (uint32_t i = 0; i < n; i++) {
    TSNode b = ts_node_named_child(bases, i);
    pr_kind k = pr_node_kind(b);
    if (k == pr_kind_keyword_argument || k == pr_kind_comment) continue;
    char q[128];
    if (!pr_qualified_name(ctx, pr_unparenthesize(b), m->scopes[cls].parent, q, sizeof q)) return true;
    bool known = false;
    for (int j = 0; framework[j] && !known; j++) known = !strcmp(q, framework[j]);
    if (!known) return true;
  }
  return false;
}

/* The walk's part: one fact per function it saw, with whether it asserts
 * directly and whether it is a test to judge. */
static void tst003_collect(pr_ctx *ctx) {
  const pr_model *m = ctx->model;
  tst003_state *st = tst003_state_of(ctx);
  if (!st || st->scope_count != m->scope_count) return;
  for (uint32_t i = 1; i < m->scope_count; i++) {
    const pr_scope *sc = &m->scopes[i];
    if (sc->kind != PR_SCOPE_FUNCTION) continue;
    TSNode def = sc->node;
    TSNode name = pr_child(def, pr_field_name);
    if (ts_node_is_null(name)) continue;
    uint32_t value = st->asserts[i] ? TST003_ASSERTS : 0;
    if (sc->is_test_function && !st->asserts[i] && !ts_node_has_error(def) && !tst003_exempt_decorated(ctx, def)) {
      /* a syntax error may hide the assertion */
      bool skipped = false;
      for (uint32_t c = sc->parent; c != PR_NONE && !skipped; c = m->scopes[c].parent)
        skipped = (m->scopes[c].kind == PR_SCOPE_CLASS && tst003_exempt_decorated(ctx, m->scopes[c].node)) ||
                  ((m->scopes[c].kind == PR_SCOPE_CLASS || m->scopes[c].kind == PR_SCOPE_MODULE) &&
                   tst003_pytestmark_skips(ctx, c));
      /* `def test_x(self): pass` in a subclass disables an inherited test */
      if (!skipped && sc->is_method && m->scopes[sc->parent].kind == PR_SCOPE_CLASS && tst003_empty_body(ctx, def) &&
          tst003_inherits_tests(ctx, sc->parent))
        skipped = true;
      if (!skipped && !tst003_skips_itself(ctx, i, def)) value |= TST003_JUDGED;
    }
    uint32_t outer = tst003_function(m, sc->parent);
    pr_fact f = {.start = ts_node_start_byte(name), .end = ts_node_end_byte(name),
                 .ref = {tst003_key_of_scope(m, i), outer == PR_NONE ? PR_NONE : tst003_key_of_scope(m, outer)},
                 .tag = TST003_FACT_FUNCTION, .value = value, .text = sc->name,
                 .text_len = (uint32_t)strlen(sc->name)};
    pr_add_fact(ctx, &f);
  }
}

/* Function keys -> fact indices: open addressing over the file's functions. */
typedef struct tst003_index {
  uint32_t *slots;           /* fact index + 1; 0 empty */
  uint32_t cap;
} tst003_index;

static uint32_t tst003_find(const tst003_index *x, const pr_fact *facts, uint32_t key) {
  for (uint32_t h = (key * 2654435761u) & (x->cap - 1);; h = (h + 1) & (x->cap - 1)) {
    uint32_t v = x->slots[h];
    if (!v) return PR_NONE;
    if (facts[v - 1].ref[0] == key) return v - 1;
  }
}

/* tst003_method's answers during one verdict: a test class calls the same
 * few helpers from hundreds of tests, and each search reads the class's
 * bases from the tree again. Open addressing, keyed by (class, super, name). */
typedef struct tst003_memo_entry {
  const char *name;          /* NULL: an empty slot */
  uint32_t len, cls, skip_self, method;
  bool bound;
} tst003_memo_entry;

typedef struct tst003_memo {
  tst003_memo_entry *slots;
  uint32_t cap, count;       /* cap: a power of two, or 0 (no memo: out of memory) */
} tst003_memo;

static uint32_t tst003_memo_hash(uint32_t cls, uint32_t skip_self, const char *name, uint32_t len) {
  return (uint32_t)pr_name_hash(cls * 2 + skip_self, name, len);
}

/* Doubles the memo; false when out of memory (it stays as it was). */
static bool tst003_memo_grow(pr_ctx *ctx, tst003_memo *memo) {
  uint32_t cap = memo->cap * 2;
  tst003_memo_entry *slots = pr_ctx_alloc(ctx, cap * sizeof *slots);
  if (!slots) return false;
  for (uint32_t i = 0; i < memo->cap; i++) {
    const tst003_memo_entry *o = &memo->slots[i];
    if (!o->name) continue;
    uint32_t h = tst003_memo_hash(o->cls, o->skip_self, o->name, o->len) & (cap - 1);
    while (slots[h].name) h = (h + 1) & (cap - 1);
    slots[h] = *o;
  }
  memo->slots = slots;
  memo->cap = cap;
  return true;
}

static uint32_t tst003_method_memo(pr_ctx *ctx, tst003_memo *memo, uint32_t cls, const char *name, uint32_t len,
                                   bool skip_self, bool *bound) {
  if (!name || !memo->cap || ((memo->count + 1) * 2 > memo->cap && !tst003_memo_grow(ctx, memo)))
    return tst003_method(ctx, cls, name, len, skip_self, bound);
  uint32_t h = tst003_memo_hash(cls, skip_self, name, len) & (memo->cap - 1);
  for (;; h = (h + 1) & (memo->cap - 1)) {
    tst003_memo_entry *e = &memo->slots[h];
    if (!e->name) break;
    if (e->cls == cls && e->skip_self == skip_self && e->len == len && !memcmp(e->name, name, len)) {
      *bound = e->bound;
      return e->method;
    }
  }
  uint32_t method = tst003_method(ctx, cls, name, len, skip_self, bound);
  memo->slots[h] = (tst003_memo_entry){.name = name, .len = len, .cls = cls, .skip_self = skip_self,
                                       .method = method, .bound = *bound};
  memo->count++;
  return method;
}

/* The class a TST003_QUALIFIED text names (`Outer.Inner.method`: each part
 * but the last the class its scope binds last, from the module down), or
 * PR_NONE; *name and *len are moved to the method's name. */
static uint32_t tst003_class_path(const pr_model *m, const char **name, uint32_t *len) {
  uint32_t scope = 0;
  const char *s = *name, *end = s + *len;
  for (const char *dot; (dot = memchr(s, '.', (size_t)(end - s)));) {
    uint32_t sym = pr_model_symbol(m, scope, s, (uint32_t)(dot - s));
    if (sym == PR_NONE || m->symbols[sym].last == PR_NONE) return PR_NONE;
    const pr_binding *b = &m->bindings[m->symbols[sym].last];
    if (b->kind != PR_BIND_CLASS) return PR_NONE;
    scope = pr_model_scope_of_node(m, b->statement);
    if (scope == PR_NONE || m->scopes[scope].kind != PR_SCOPE_CLASS) return PR_NONE;
    s = dot + 1;
  }
  if (!scope) return PR_NONE;
  *name = s;
  *len = (uint32_t)(end - s);
  return scope;
}

/* The target of a named call (TST003_FACT_CALLS_FUNCTION/_METHOD), looked up
 * in the whole file's model: its key, or PR_NONE; *asserts is set when the
 * passed name is an assertion by itself. */
static uint32_t tst003_resolve(pr_ctx *ctx, tst003_memo *memo, const pr_fact *f, bool *asserts) {
  const pr_model *m = ctx->model;
  *asserts = false;
  if (f->tag == TST003_FACT_CALLS_FUNCTION) {
    /* read from inside a function: the last module-level binding */
    uint32_t sym = pr_model_symbol(m, 0, f->text, f->text_len);
    if (sym == PR_NONE) return PR_NONE;
    uint32_t last = PR_NONE;
    for (uint32_t b = m->symbols[sym].first; b != PR_NONE; b = m->bindings[b].next)
      if (m->bindings[b].kind != PR_BIND_ANNOTATION) last = b;
    if (last == PR_NONE || m->bindings[last].kind != PR_BIND_FUNCTION) return PR_NONE;
    return tst003_key_of_def(ctx, m->bindings[last].statement);
  }
  const char *name = f->text;
  uint32_t len = f->text_len;
  uint32_t cls = (f->value & TST003_QUALIFIED) ? tst003_class_path(m, &name, &len)
                                               : tst003_enclosing_class(m, pr_scope_at(ctx, f->start));
  if (cls == PR_NONE) return PR_NONE;
  bool bound;
  uint32_t method = tst003_method_memo(ctx, memo, cls, name, len, (f->value & TST003_SUPER) != 0, &bound);
  if (!(f->value & TST003_PASSED)) return method;
  if (method != PR_NONE) {
    if (tst003_assertion_name(name, len)) { *asserts = true; return PR_NONE; }
    return method;
  }
  /* not a method of the file: an inherited helper, unless it is data */
  *asserts = !bound && tst003_assertion_name(name, len) && !tst003_assigned_attribute(ctx, name, len);
  return PR_NONE;
}

/* The verdict over the whole file: propagate "asserts" along calls and
 * nesting to a fixed point, then report the judged tests that do not. */
static void tst003_check(pr_ctx *ctx, const pr_fact *facts, uint32_t count) {
  uint32_t functions = 0;
  bool judged = false;
  for (uint32_t i = 0; i < count; i++) {
    if (facts[i].tag != TST003_FACT_FUNCTION) continue;
    functions++;
    judged |= (facts[i].value & TST003_JUDGED) != 0;
  }
  if (!judged || !tst003_state_of(ctx)) return;
  tst003_index x = {.cap = 16};
  while (x.cap < functions * 2) x.cap *= 2;
  x.slots = pr_ctx_alloc(ctx, x.cap * sizeof *x.slots);
  uint8_t *asserts = pr_ctx_alloc(ctx, count);
  uint32_t *edge_count = pr_ctx_alloc(ctx, (count + 1) * sizeof *edge_count);
  uint32_t *ea = pr_ctx_alloc(ctx, (count ? count : 1) * sizeof *ea);  /* per fact: the edge a <- b, or PR_NONE */
  uint32_t *eb = pr_ctx_alloc(ctx, (count ? count : 1) * sizeof *eb);
  if (!x.slots || !asserts || !edge_count || !ea || !eb) return;
  tst003_memo memo = {.cap = 256};
  memo.slots = pr_ctx_alloc(ctx, memo.cap * sizeof *memo.slots);
  if (!memo.slots) memo.cap = 0;
  for (uint32_t i = 0; i < count; i++) {
    if (facts[i].tag != TST003_FACT_FUNCTION) continue;
    uint32_t h = (facts[i].ref[0] * 2654435761u) & (x.cap - 1);
    while (x.slots[h] && facts[x.slots[h] - 1].ref[0] != facts[i].ref[0]) h = (h + 1) & (x.cap - 1);
    if (!x.slots[h]) x.slots[h] = i + 1;
    asserts[i] = (facts[i].value & TST003_ASSERTS) != 0;
  }
  /* each fact as an edge "a asserts when b does" between function facts;
     nesting counts as a call */
  uint32_t edges = 0;
  for (uint32_t i = 0; i < count; i++) {
    const pr_fact *f = &facts[i];
    uint32_t from = PR_NONE, to = PR_NONE;
    ea[i] = eb[i] = PR_NONE;
    if (f->tag == TST003_FACT_CALLS) {
      from = f->ref[0];
      to = f->ref[1];
    } else if (f->tag == TST003_FACT_FUNCTION && f->ref[1] != PR_NONE) {
      from = f->ref[1];
      to = f->ref[0];
    } else if (f->tag == TST003_FACT_CALLS_FUNCTION || f->tag == TST003_FACT_CALLS_METHOD) {
      bool direct;
      from = f->ref[0];
      to = tst003_resolve(ctx, &memo, f, &direct);
      if (direct) {
        uint32_t a = tst003_find(&x, facts, from);
        if (a != PR_NONE) asserts[a] = 1;
        continue;
      }
    }
    if (from == PR_NONE || to == PR_NONE) continue;
    uint32_t a = tst003_find(&x, facts, from), b = tst003_find(&x, facts, to);
    if (a == PR_NONE || b == PR_NONE || a == b) continue;
    ea[i] = a;
    eb[i] = b;
    edge_count[b + 1]++;
    edges++;
  }
  for (uint32_t i = 0; i < count; i++) edge_count[i + 1] += edge_count[i];
  uint32_t *callers = pr_ctx_alloc(ctx, (edges ? edges : 1) * sizeof *callers);
  uint32_t *fill = pr_ctx_alloc(ctx, (count + 1) * sizeof *fill);
  uint32_t *work = pr_ctx_alloc(ctx, (count ? count : 1) * sizeof *work);
  if (!callers || !fill || !work) return;
  memcpy(fill, edge_count, (count + 1) * sizeof *fill);
  for (uint32_t i = 0; i < count; i++)
    if (ea[i] != PR_NONE) callers[fill[eb[i]]++] = ea[i];
  uint32_t top = 0;
  for (uint32_t i = 0; i < count; i++)
    if (asserts[i]) work[top++] = i;
  while (top) {
    uint32_t t = work[--top];
    for (uint32_t j = edge_count[t]; j < edge_count[t + 1]; j++) {
      uint32_t f = callers[j];
      if (!asserts[f]) { asserts[f] = 1; work[top++] = f; }
    }
  }
  for (uint32_t i = 0; i < count; i++) {
    const pr_fact *f = &facts[i];
    if (f->tag != TST003_FACT_FUNCTION || !(f->value & TST003_JUDGED) || asserts[i]) continue;
    pr_report_bytes(ctx, f->start, f->end,
                    "Test `%s` asserts nothing: it passes whenever the code does not raise; add an `assert` or a "
                    "`self.assert*` call on the result",
                    f->text);
  }
}

/* The whole file's assignments of assertion-like attribute names, which
 * decide whether `self.check_x(...)` is an inherited helper or data: a digest
 * for the incremental review (rule.h: file_key), one piece of the text at a
 * time. It counts each assignment, so a second assignment of a name already
 * assigned changes it too: a full review more than needed, never one less. */
static pr_key_part tst003_key_part(const char *text, uint32_t len) {
  pr_key_part part = {0, 0};
  uint32_t pos = 0;
  tst003_name n;
  while (tst003_next_assigned(text, len, &pos, &n, true))
    if (tst003_assertion_name(n.name, n.len)) part.sum += pr_name_hash(0, n.name, n.len);
  return part;
}

static uint64_t tst003_file_key(pr_key_part whole) { return whole.sum ^ 0xA55E27ull; }

const pr_rule pr_rule_tst003 = {
  .code = "TST003",
  .name = "test-without-assertion",
  .category = "Tests",
  .severity = PR_SEV_WARNING,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_TESTS_ONLY,
  .summary = "A test function that asserts nothing",
  .doc = pr_doc_tst003,
  .kinds = {pr_kind_assert_statement, pr_kind_raise_statement, pr_kind_call, pr_kind_yield},
  .on_node = tst003_node,
  .on_file_end = tst003_collect,
  .on_facts = tst003_check,
  .file_key_part = tst003_key_part,
  .file_key = tst003_file_key,
};
