/* TST006 sleep-in-test: a fixed `time.sleep` in test code.
 *
 * ## What it does
 * Flags `time.sleep(...)` (any import form: `from time import sleep` too) with
 * a literal delay (a number, or arithmetic on numbers such as `2 * 60`) in
 * test code. `asyncio.sleep` and delays computed at run time (a polling
 * helper's `interval`) are not flagged.
 *
 * ## Why is this bad?
 * A fixed sleep slows every run of the suite by its full length, and it hides
 * races instead of removing them: the test passes while the machine is fast
 * enough and fails on a loaded CI runner.
 *
 * ## Example
 * ```python
 * def test_job_finishes(self):
 *     job.start()
 *     time.sleep(5)
 *     self.assertTrue(job.done)
 * ```
 *
 * ## Use instead
 * ```python
 * def test_job_finishes(self):
 *     job.start()
 *     job.wait(timeout=5)  # or poll with a bounded total wait, or a fake clock
 *     self.assertTrue(job.done)
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

/* Nesting of arithmetic considered; deeper expressions are not literal delays. */
#define TST006_MAX_DEPTH 32

/* True for a number, or arithmetic (`+ - * / // % **`, unary `-`/`+`) on numbers. */
static bool tst006_numeric(const pr_ctx *ctx, TSNode e, int depth) {
  if (depth > TST006_MAX_DEPTH) return false;
  e = pr_unparenthesize(e);
  switch (pr_node_kind(e)) {
  case pr_kind_integer:
  case pr_kind_float: return true;
  case pr_kind_unary_operator: {
    TSNode op = pr_child(e, pr_field_operator);
    if (pr_text_is(ctx, op, "~")) return false;
    return tst006_numeric(ctx, pr_child(e, pr_field_argument), depth + 1);
  }
  case pr_kind_binary_operator: {
    TSNode op = pr_child(e, pr_field_operator);
    static const char *const ops[] = {"+", "-", "*", "/", "//", "%", "**", NULL};
    bool arith = false;
    for (int i = 0; ops[i] && !arith; i++) arith = pr_text_is(ctx, op, ops[i]);
    return arith && tst006_numeric(ctx, pr_child(e, pr_field_left), depth + 1) &&
           tst006_numeric(ctx, pr_child(e, pr_field_right), depth + 1);
  }
  default: return false;
  }
}

static void tst006_check(pr_ctx *ctx, TSNode call) {
  static const char *const sleep[] = {"time.sleep", NULL};
  if (!pr_call_matches(ctx, call, sleep)) return;
  TSNode delay = pr_call_positional(call, 0);
  if (ts_node_is_null(delay) || !tst006_numeric(ctx, delay, 0)) return;
  uint32_t len;
  const char *s = pr_text(ctx, delay, &len);
  if (len > 24 || memchr(s, '\n', len) || memchr(s, '\r', len) || memchr(s, '`', len)) s = "...", len = 3;
  pr_report(ctx, call, "A fixed `sleep(%.*s)` in a test slows the suite and hides races: wait for the condition "
                       "with a bounded poll, or use a fake clock",
            (int)len, s);
}

const pr_rule pr_rule_tst006 = {
  .code = "TST006",
  .name = "sleep-in-test",
  .category = "Tests",
  .severity = PR_SEV_INFORMATION,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_TESTS_ONLY,
  .summary = "time.sleep with a fixed delay in test code",
  .doc = pr_doc_tst006,
  .kinds = {pr_kind_call},
  .on_node = tst006_check,
};
