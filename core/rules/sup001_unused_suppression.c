/* SUP001 unused-suppression: an item of a suppression list that suppresses nothing.
 *
 * ## What it does
 * Flags, at the item, each rule of a `# noqa: ITEMS`, `# pyreview:
 * ignore[ITEMS]` or `# pyreview: ignore-file[ITEMS]` list that silences no
 * finding on its lines (in its file for `ignore-file`): a rule that no longer
 * fires there, or an item that names no pyreview rule (`SEC999`,
 * `sql-injektion`). Not reported:
 * - a bare `# noqa`: it is shared with flake8, Ruff and pylint, and on real
 *   code it almost always silences one of theirs (a long line, a re-export in
 *   `__init__.py`), which pyreview cannot see;
 * - an item naming a rule that the selection or configuration turns off
 *   (the suppression is needed again when the rule is turned back on);
 * - another tool's codes in a `# noqa` list (`F401`, `E501`, `S101`): only
 *   codes shaped like pyreview's (a category of this catalog then digits) are
 *   judged there; in a `# pyreview: ignore[...]` every item is;
 * - `# nosec`, which is bandit's;
 * - a comment on a line that does not parse yet.
 *
 * The fix removes the item (with its comma), or the whole comment when
 * nothing else is in it.
 *
 * ## Why is this bad?
 * A suppression that silences nothing hides the next real finding on that
 * line, and a misspelt code silences nothing while looking as if it did.
 *
 * ## Example
 * ```python
 * def cost(price, count):
 *     total = price * count  # noqa: DED001
 *     return total
 * ```
 *
 * ## Use instead
 * ```python
 * def cost(price, count):
 *     total = price * count
 *     return total
 * ```
 */
#include "rule.h"
#include "rule_docs.h"
#include "ruleset.h"
#include "suppress.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

extern const pr_rule pr_rule_sup001;

/* True when `item` is shaped like a pyreview code: a category's letters
 * (the first three of some rule's code) then digits (`SEC999`, `TST01`). */
static bool sup001_our_shape(const char *item) {
  size_t n = strlen(item);
  if (n < 4) return false;
  for (size_t i = 3; i < n; i++)
    if (!isdigit((unsigned char)item[i])) return false;
  for (uint32_t r = 0; r < pr_rule_count; r++)
    if (!strncasecmp(pr_rules[r]->code, item, 3)) return true;
  return false;
}

/* True when the item names a rule turned off here (or SUP001 itself, whose
 * items silence the findings made after this pass). */
static bool sup001_names_disabled(pr_ctx *ctx, const char *item) {
  size_t n = strlen(item);
  for (uint32_t r = 0; r < pr_rule_count; r++) {
    if (!pr_item_matches(item, n, pr_rules[r])) continue;
    if (pr_rules[r] == &pr_rule_sup001 || !pr_rule_enabled(ctx, pr_rules[r])) return true;
  }
  return false;
}

/* The directive with the spaces before it, when it is the whole comment. */
static void sup001_remove_directive(pr_ctx *ctx, pr_finding *f, const pr_suppression *sup) {
  if (!sup->whole_comment) return;
  uint32_t start = sup->start, end = sup->end;
  while (start > 0 && (ctx->text[start - 1] == ' ' || ctx->text[start - 1] == '\t')) start--;
  /* a comment alone on its line keeps the line: only the directive goes */
  if (start > 0 && ctx->text[start - 1] != '\n' && ctx->text[start - 1] != '\r') {
    while (end < ctx->len && (ctx->text[end] == ' ' || ctx->text[end] == '\t')) end++;
  } else {
    start = sup->start;
  }
  pr_finding_set_fix(ctx, f, "Remove the unused suppression comment");
  pr_finding_add_edit(ctx, f, start, end, "", 0);
}

static void sup001_check(pr_ctx *ctx, const pr_unused_suppression *u) {
  const pr_suppression *sup = u->sup;
  if (u->item == UINT32_MAX) return;  /* a bare `# noqa`: most often another tool's */
  const char *item = sup->items[u->item];
  uint32_t start = sup->item_starts[u->item], len = (uint32_t)strlen(item);
  pr_finding *f;
  if (pr_item_known(item, len)) {
    if (sup001_names_disabled(ctx, item)) return;
    f = pr_report_bytes(ctx, start, start + len, "`%s` in this suppression suppresses nothing %s: remove it", item,
                        sup->file_level ? "in this file" : "on its lines");
  } else {
    if (!sup->pyreview && !sup001_our_shape(item)) return;
    f = pr_report_bytes(ctx, start, start + len,
                        "`%s` is not a pyreview rule code, name or category: this item suppresses nothing", item);
  }
  if (!f) return;
  /* the only item left unused in a list of several goes with its comma */
  uint32_t used = 0;
  for (uint32_t i = 0; i < sup->item_count; i++) used += sup->item_used[i];
  if (used == 0) {
    sup001_remove_directive(ctx, f, sup);
    return;
  }
  uint32_t from, to;
  if (u->item + 1 < sup->item_count) {
    from = start;
    to = sup->item_starts[u->item + 1];
  } else {
    from = sup->item_starts[u->item - 1] + (uint32_t)strlen(sup->items[u->item - 1]);
    to = start + len;
  }
  pr_finding_set_fix(ctx, f, "Remove `%s` from the suppression", item);
  pr_finding_add_edit(ctx, f, from, to, "", 0);
}

const pr_rule pr_rule_sup001 = {
  .code = "SUP001",
  .name = "unused-suppression",
  .category = "Suppression",
  .severity = PR_SEV_HINT,
  .cwe = 0,
  .tags = PR_TAG_UNNECESSARY,
  .flags = 0,
  .summary = "An item of a `# noqa: ...` or `# pyreview: ignore[...]` list that suppresses nothing",
  .doc = pr_doc_sup001,
  .on_unused_suppression = sup001_check,
};
