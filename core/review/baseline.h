/* baseline.h - the findings a project has accepted (`check --write-baseline
 * FILE`, then `--baseline FILE`), so that only new ones are reported.
 *
 * A finding is keyed on its rule code, its path (as displayed, without a
 * leading "./") and a fingerprint of the text it flags: a 64-bit hash of its
 * range's text with whitespace runs collapsed and of its line's text trimmed,
 * never its line number. So lines inserted or deleted above a finding, or a
 * re-indented block, keep it matched, while an edit of the flagged code makes
 * it new. Each key has a count: a baseline suppresses up to that many of a
 * file's findings with the key, so a second identical finding added later is
 * still reported. The same fingerprint is SARIF's partialFingerprints.
 *
 * The file is JSON, sorted (path, code, fingerprint) so that it diffs well:
 *   {"version": 1, "findings": [
 *     {"path": "app/db.py", "code": "SEC001", "fingerprint": "0f1e...", "count": 1}, ...]}
 * This module parses and writes its bytes (with jansson); the CLI reads and
 * writes the file. A malformed baseline is an error with a reason, never an
 * empty baseline.
 *
 * Ownership: a pr_baseline owns its entries and their paths
 * (pr_baseline_free); pr_baseline_write's result is the caller's to free().
 * A parsed baseline is read-only and may be shared between threads. */
#ifndef PR_BASELINE_H
#define PR_BASELINE_H

#include "engine.h"
#include "text.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pr_baseline_entry {
  char *path;
  char code[16];
  uint64_t fingerprint;
  uint32_t count;
} pr_baseline_entry;

typedef struct pr_baseline {
  pr_baseline_entry *items;  /* sorted by path, code, fingerprint; keys unique once finished */
  size_t count, cap;
} pr_baseline;

/* The fingerprint of text[start..end) (see above). */
uint64_t pr_baseline_fingerprint(const char *text, uint32_t len, const pr_line_index *lines, uint32_t start,
                                 uint32_t end);

/* Parses a baseline file's bytes into *out (sorted, keys merged). Returns 0,
 * or -1 with the reason in err (and *out empty). */
int pr_baseline_parse(const char *bytes, size_t len, pr_baseline *out, char *err, size_t cap);

/* Adds one finding (count 1) while building a baseline; false when out of memory. */
bool pr_baseline_add(pr_baseline *b, const char *path, const char *code, uint64_t fingerprint);
/* Sorts and merges equal keys, adding their counts; false when out of memory. */
bool pr_baseline_finish(pr_baseline *b);
/* The file's bytes (NUL-terminated), or NULL when out of memory. */
char *pr_baseline_write(const pr_baseline *b);
void pr_baseline_free(pr_baseline *b);

/* Marks in suppressed[i] the findings the baseline accepts, up to each key's
 * count, in order; returns how many. `path` is the file's displayed path. */
uint32_t pr_baseline_apply(const pr_baseline *b, const char *path, const char *text, uint32_t len,
                           const pr_line_index *lines, pr_finding *const *findings, uint32_t count,
                           bool *suppressed);
/* A digest of the entries of `path` (0 when there are none): what the
 * baseline contributes to that file's report, for the result cache's key. */
uint64_t pr_baseline_digest(const pr_baseline *b, const char *path);

#endif
