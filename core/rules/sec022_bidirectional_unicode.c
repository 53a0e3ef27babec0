/* SEC022 bidirectional-unicode: bidirectional control characters in the source.
 *
 * ## What it does
 * Flags every Unicode bidirectional control character anywhere in the file,
 * comments and strings included: the embeddings and overrides U+202A–U+202E
 * (LRE, RLE, PDF, LRO, RLO) and the isolates U+2066–U+2069 (LRI, RLI, FSI,
 * PDI). One finding per character.
 *
 * ## Why is this bad?
 * These characters reorder how text is displayed, not how Python reads it
 * ("Trojan Source", CVE-2021-42574, CWE-838): a reviewer sees a comment or a
 * string where the interpreter sees code, or an early `return` hidden inside
 * what looks like a comment. Source code almost never needs them; text that
 * does can spell them as escapes (`"\u202e"`).
 *
 * ## Example
 * The file holds the control characters where the `<RLO>`, `<LRI>` and
 * `<PDI>` marks stand; an editor shows the line as a comparison with
 * `"user"` followed by a comment, while Python compares with the whole string:
 * ```python
 * if access_level != "user<RLO> <LRI># check if admin<PDI> <LRI>":
 *     grant_admin()
 * ```
 *
 * ## Use instead
 * Remove the control characters; write them as escape sequences where a
 * string really needs one:
 * ```python
 * RLO = "\u202e"
 * ```
 */
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

/* The bidirectional control characters, U+202A-U+202E and U+2066-U+2069. */
static const struct { uint32_t cp; const char *name; } sec022_chars[] = {
  {0x202A, "LEFT-TO-RIGHT EMBEDDING"}, {0x202B, "RIGHT-TO-LEFT EMBEDDING"},
  {0x202C, "POP DIRECTIONAL FORMATTING"}, {0x202D, "LEFT-TO-RIGHT OVERRIDE"},
  {0x202E, "RIGHT-TO-LEFT OVERRIDE"}, {0x2066, "LEFT-TO-RIGHT ISOLATE"},
  {0x2067, "RIGHT-TO-LEFT ISOLATE"}, {0x2068, "FIRST STRONG ISOLATE"},
  {0x2069, "POP DIRECTIONAL ISOLATE"},
};

/* The one rule that reads the raw text: each character's finding depends only
 * on that character, anchored at the smallest node covering it. All of these
 * characters are three UTF-8 bytes starting with 0xE2. */
static void sec022_check(pr_ctx *ctx, TSNode module) {
  const unsigned char *t = (const unsigned char *)ctx->text;
  uint32_t len = ctx->len, i = 0;
  while (i + 3 <= len) {
    const unsigned char *p = memchr(t + i, 0xE2, len - i);
    if (!p) break;
    i = (uint32_t)(p - t);
    if (i + 3 > len) break;
    uint32_t cp = ((uint32_t)(t[i] & 0x0F) << 12) | ((uint32_t)(t[i + 1] & 0x3F) << 6) | (t[i + 2] & 0x3F);
    const char *name = NULL;
    if ((t[i + 1] & 0xC0) == 0x80 && (t[i + 2] & 0xC0) == 0x80)
      for (size_t k = 0; k < sizeof sec022_chars / sizeof *sec022_chars; k++)
        if (sec022_chars[k].cp == cp) name = sec022_chars[k].name;
    if (!name) { i++; continue; }
    TSNode anchor = ts_node_descendant_for_byte_range(module, i, i + 3);
    pr_report_range(ctx, ts_node_is_null(anchor) ? module : anchor, i, i + 3,
                    "Bidirectional control character U+%04X %s can make the code display differently from "
                    "how Python reads it; remove it, or write it as the escape `\\u%04x` in a string",
                    (unsigned)cp, name, (unsigned)cp);
    i += 3;
  }
}

const pr_rule pr_rule_sec022 = {
  .code = "SEC022",
  .name = "bidirectional-unicode",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 838,
  .summary = "A Unicode bidirectional control character in the source (Trojan Source)",
  .doc = pr_doc_sec022,
  .kinds = {pr_kind_module},
  .on_node = sec022_check,
};
