/* STY001 mixed-indentation: lines indented with the file's other character, or with both.
 *
 * ## What it does
 * Looks at the indentation of every line that starts a statement (not
 * continuation lines, not lines inside strings). The file's character is the
 * one most indented lines use (the first indented line's on a tie). Flags
 * each run of consecutive statement lines indented with the other character
 * (blank and comment lines do not break a run), once, at its first line, and
 * each line whose indentation mixes tabs and spaces. A file indented with
 * tabs throughout is fine.
 *
 * ## Why is this bad?
 * Tabs and spaces look alike but are not: Python 3 rejects some mixtures
 * outright (`TabError`) and others change which block a line belongs to
 * depending on the editor's tab width. Diffs and reviews show a different
 * structure than the interpreter runs.
 *
 * ## Example
 * ```python
 * def total(rows):
 *     count = 0
 * →   for row in rows:        # a tab where the file uses spaces
 * →       count += row
 *     return count
 * ```
 *
 * ## Use instead
 * Indent with the file's character (four spaces, by PEP 8) throughout.
 */
#include "rule.h"
#include "rule_docs.h"

enum { STY001_NONE = 0, STY001_SPACES = 1, STY001_TABS = 2, STY001_MIXED = 3 };

/* Records the indentation of each statement of `block` that starts its line. */
static void sty001_on_block(pr_ctx *ctx, TSNode block) {
  const char *t = ctx->text;
  const TSNode *kids;
  uint32_t n = pr_block_children(ctx, block, &kids);
  for (uint32_t i = 0; i < n && n != PR_NONE; i++) {
    TSNode s = kids[i];
    pr_kind k = pr_node_kind(s);
    if (k == pr_kind_comment || k == pr_kind_ERROR || !pr_kind_is_statement(k)) continue;
    uint32_t end = ts_node_start_byte(s), start = end;
    while (start > 0 && (t[start - 1] == ' ' || t[start - 1] == '\t' || t[start - 1] == '\f')) start--;
    bool line_start = start == 0 || t[start - 1] == '\n' || t[start - 1] == '\r' ||
                      (start == 3 && (unsigned char)t[0] == 0xEF && (unsigned char)t[1] == 0xBB);
    if (!line_start) continue;
    bool spaces = false, tabs = false;
    for (uint32_t j = start; j < end; j++) {
      if (t[j] == ' ') spaces = true;
      else if (t[j] == '\t') tabs = true;
    }
    uint32_t value = spaces && tabs ? STY001_MIXED : tabs ? STY001_TABS : spaces ? STY001_SPACES : STY001_NONE;
    pr_fact f = {.start = start, .end = end, .ref = {PR_NONE, PR_NONE}, .tag = 1, .value = value};
    pr_add_fact(ctx, &f);
  }
}

static void sty001_check(pr_ctx *ctx, const pr_fact *facts, uint32_t count) {
  uint32_t spaces = 0, tabs = 0, first = STY001_NONE;
  for (uint32_t i = 0; i < count; i++) {
    uint32_t v = facts[i].value;
    if (v == STY001_SPACES) spaces++;
    if (v == STY001_TABS) tabs++;
    if (first == STY001_NONE && (v == STY001_SPACES || v == STY001_TABS)) first = v;
  }
  uint32_t usual = spaces > tabs ? STY001_SPACES : tabs > spaces ? STY001_TABS : first;
  uint32_t other = usual == STY001_SPACES ? STY001_TABS : STY001_SPACES;
  const char *usual_name = usual == STY001_SPACES ? "spaces" : "tabs";
  const char *other_name = usual == STY001_SPACES ? "tabs" : "spaces";
  bool in_run = false;
  for (uint32_t i = 0; i < count; i++) {
    const pr_fact *f = &facts[i];
    if (f->value == STY001_MIXED) {
      pr_report_bytes(ctx, f->start, f->end, "This line is indented with both tabs and spaces; use %s only",
                      usual == STY001_NONE ? "spaces" : usual_name);
      in_run = false;
      continue;
    }
    if (usual == STY001_NONE || f->value != other) {
      in_run = false;
      continue;
    }
    if (in_run) continue;
    in_run = true;
    uint32_t lines = 1;
    for (uint32_t j = i + 1; j < count && facts[j].value == other; j++) lines++;
    pr_report_bytes(ctx, f->start, f->end,
                    "Indented with %s where this file uses %s (%u line%s from here); indent with %s", other_name,
                    usual_name, lines, lines == 1 ? "" : "s", usual_name);
  }
}

const pr_rule pr_rule_sty001 = {
  .code = "STY001",
  .name = "mixed-indentation",
  .category = "Style",
  .severity = PR_SEV_WARNING,
  .cwe = 0,
  .tags = 0,
  .flags = 0,
  .summary = "Lines indented with the file's other character, or with tabs and spaces",
  .doc = pr_doc_sty001,
  .kinds = {pr_kind_block, pr_kind_module},
  .on_node = sty001_on_block,
  .on_facts = sty001_check,
};
