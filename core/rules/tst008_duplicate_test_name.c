/* TST008 duplicate-test-name: two test functions with the same name.
 *
 * ## What it does
 * Flags a test function defined directly in a class body (or at module level
 * of a test file) when an earlier test function of the same class (or
 * module) has the same name. The finding is on the later definition, with
 * related information at the earlier one. Definitions under an `if` or `try`
 * (one per Python version, say) are not compared.
 *
 * ## Why is this bad?
 * The later `def` rebinds the name: the earlier test never runs, and nothing
 * says so. Its checks are silently lost, usually after a copy and paste that
 * forgot to rename the test.
 *
 * ## Example
 * ```python
 * class CartTests(unittest.TestCase):
 *     def test_add(self):
 *         ...
 *
 *     def test_add(self):  # copied from above; the first never runs
 *         ...
 * ```
 *
 * ## Use instead
 * ```python
 * class CartTests(unittest.TestCase):
 *     def test_add(self):
 *         ...
 *
 *     def test_add_twice_keeps_one_line(self):
 *         ...
 * ```
 */
#include "rule.h"
#include "rule_docs.h"

#include <stdlib.h>
#include <string.h>

/* Facts (rule.h): each test function is in its own segment, so the
 * comparison is made over the whole file in on_facts. start..end: the name;
 * ref[0]: the start of the class it is defined in, or PR_NONE at module
 * level; text: the name. */
enum { TST008_FACT_TEST = 1 };

/* True when `node` is one of the statements of `container` (a block or the
 * module): a binary search among the children the walk recorded, where
 * ts_node_parent would search down from the root for each test. */
static bool tst008_directly_in(const pr_ctx *ctx, TSNode container, TSNode node) {
  const TSNode *kids;
  uint32_t n = pr_block_children(ctx, container, &kids);
  if (n == PR_NONE) return false;
  uint32_t at = ts_node_start_byte(node), lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (ts_node_start_byte(kids[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  for (uint32_t i = lo; i < n && ts_node_start_byte(kids[i]) == at; i++)
    if (ts_node_eq(kids[i], node)) return true;
  return false;
}

static void tst008_node(pr_ctx *ctx, TSNode def) {
  const pr_model *m = ctx->model;
  uint32_t s = ctx->own_scope;
  if (s == PR_NONE || !m->scopes[s].is_test_function) return;
  TSNode name = pr_child(def, pr_field_name);
  if (ts_node_is_null(name)) return;
  /* directly in the class body or the module, not under an if/try */
  TSNode stmt = pr_node_kind(ctx->parent) == pr_kind_decorated_definition ? ctx->parent : def;
  uint32_t outer = m->scopes[s].parent, container = PR_NONE;
  if (outer == PR_NONE) return;
  if (m->scopes[outer].kind == PR_SCOPE_CLASS) {
    TSNode cls = m->scopes[outer].node;
    if (!tst008_directly_in(ctx, pr_child(cls, pr_field_body), stmt)) return;
    container = ts_node_start_byte(cls);
  } else if (m->scopes[outer].kind != PR_SCOPE_MODULE || !tst008_directly_in(ctx, ctx->root, stmt)) {
    return;
  }
  uint32_t len;
  const char *text = pr_text(ctx, name, &len);
  pr_fact f = {.start = ts_node_start_byte(name), .end = ts_node_end_byte(name), .ref = {container, PR_NONE},
               .tag = TST008_FACT_TEST, .text = text, .text_len = len};
  pr_add_fact(ctx, &f);
}

static int tst008_cmp(const void *a, const void *b) {
  const pr_fact *x = *(const pr_fact *const *)a, *y = *(const pr_fact *const *)b;
  if (x->ref[0] != y->ref[0]) return x->ref[0] < y->ref[0] ? -1 : 1;
  uint32_t n = x->text_len < y->text_len ? x->text_len : y->text_len;
  int c = memcmp(x->text, y->text, n);
  if (c) return c;
  if (x->text_len != y->text_len) return x->text_len < y->text_len ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

static void tst008_check(pr_ctx *ctx, const pr_fact *facts, uint32_t count) {
  if (count < 2) return;
  const pr_fact **v = pr_ctx_alloc(ctx, count * sizeof *v);
  if (!v) return;
  uint32_t n = 0;
  for (uint32_t i = 0; i < count; i++)
    if (facts[i].tag == TST008_FACT_TEST && facts[i].text) v[n++] = &facts[i];
  qsort(v, n, sizeof *v, tst008_cmp);
  for (uint32_t i = 1; i < n; i++) {
    const pr_fact *a = v[i - 1], *b = v[i];
    if (a->ref[0] != b->ref[0] || a->text_len != b->text_len || memcmp(a->text, b->text, a->text_len)) continue;
    pr_finding *f = pr_report_bytes(ctx, b->start, b->end,
                                    "Test `%s` is defined again here: the earlier definition is replaced and "
                                    "never runs; rename one of them",
                                    b->text);
    pr_finding_add_related_bytes(ctx, f, a->start, a->end, "the earlier `%s`, which never runs", a->text);
  }
}

const pr_rule pr_rule_tst008 = {
  .code = "TST008",
  .name = "duplicate-test-name",
  .category = "Tests",
  .severity = PR_SEV_ERROR,
  .cwe = 561,
  .tags = 0,
  .flags = PR_RULE_TESTS_ONLY,
  .summary = "Two test functions with the same name in one class or module",
  .doc = pr_doc_tst008,
  .kinds = {pr_kind_function_definition},
  .on_node = tst008_node,
  .on_facts = tst008_check,
};
