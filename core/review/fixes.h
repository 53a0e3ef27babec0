/* fixes.h - applying the rules' fixes to a whole file (`check --fix`, `--diff`,
 * and the server's source.fixAll), and the unified diff that shows them.
 *
 * pr_fix_all reviews the text, applies every fix whose edits do not overlap an
 * earlier one, and repeats on the result (a fix can make another possible)
 * until no fix is left or 8 rounds have run.
 *
 * Ownership: both functions return malloc'd text the caller frees. */
#ifndef PR_FIXES_H
#define PR_FIXES_H

#include "engine.h"

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

/* The fixed text (NUL-terminated, length in *out_len) and in *applied the
 * number of fixes applied; NULL when no fix applies or memory runs out.
 * `options` gives path, test flag and selection (its lines and cache are ignored). */
char *pr_fix_all(TSParser *parser, const char *text, uint32_t len, const pr_review_options *options,
                 uint32_t *out_len, uint32_t *applied);

/* A unified diff (`--- a/PATH`, `+++ b/PATH`, hunks with 3 lines of context) from
 * old to new, or NULL when out of memory; "" when they are equal. */
char *pr_unified_diff(const char *path, const char *old_text, uint32_t old_len, const char *new_text,
                      uint32_t new_len);

#endif
