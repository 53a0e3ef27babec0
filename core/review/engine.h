/* engine.h - reviews one parsed file: the single walk, rule dispatch, the
 * findings funnel, suppressions.
 *
 * pr_review_file walks the tree once with a TSTreeCursor (no recursion, so
 * deeply nested code cannot overflow the stack), builds the semantic model,
 * collects suppression comments, and records the nodes that enabled rules
 * subscribed to; then it runs the rules over the complete model (see rule.h),
 * drops findings that are suppressed or lie in ERROR nodes, and sorts the rest
 * by position.
 *
 * Ownership: a pr_review owns its findings and their strings (one arena);
 * pr_review_free releases them. The text and tree passed in are borrowed and
 * must outlive the call only (findings hold byte offsets, not nodes). */
#ifndef PR_ENGINE_H
#define PR_ENGINE_H

#include "arena.h"
#include "rule.h"
#include "ruleset.h"
#include "text.h"

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

/* Messages are valid UTF-8 of at most this many bytes of rule text (quoted
 * names included) plus the CWE suffix; longer ones end in "…" at a character boundary. */
#define PR_MESSAGE_MAX_BYTES 2048

/* One edit of a fix: replace text[start..end) (bytes) with `text`. */
typedef struct pr_edit {
  uint32_t start, end;
  const char *text;          /* NUL-terminated, valid UTF-8 */
} pr_edit;

typedef struct pr_related {
  uint32_t start, end;       /* bytes */
  const char *message;
} pr_related;

struct pr_finding {
  const pr_rule *rule;
  pr_severity severity;
  uint32_t start, end;       /* bytes into the reviewed text */
  const char *message;       /* valid UTF-8, ending in " [CWE-n]" for rules with a CWE */
  pr_related *related;
  uint32_t related_count, related_cap;
  uint32_t stmt_start, stmt_end;  /* bytes of the statement (or compound header) holding it */
  bool dropped;              /* inside an ERROR node, or suppressed */
  bool outside;              /* engine: reported while looking at code outside every segment */
  const char *fix_message;   /* a fix ("Rename to `_row`"), or NULL */
  pr_edit *edits;            /* its edits: sorted, not overlapping */
  uint32_t edit_count, edit_cap;
};

typedef struct pr_review_options {
  const char *path;          /* for messages and rules that look at the name; may be NULL */
  bool test_file;            /* precomputed with pr_is_test_path against the checked root */
  const pr_selection *selection;  /* NULL: every rule */
  /* The file's settings (configuration): thresholds and modes rules read
   * (NULL: the catalog's defaults), and a severity per rule by registry index
   * (ruleset.h; 0 keeps the rule's own; NULL: none overridden). */
  const struct pr_thresholds *thresholds;
  const uint8_t *severity;
  const pr_line_index *lines;  /* the text's line index if the caller keeps one (documents do); NULL: built here */
  const pr_rule *const *extra_rules;  /* run after the registered ones (embedders, tests); may be NULL */
  uint32_t extra_rule_count;
  /* The document's results kept from its previous review (incremental.h):
   * reused where the text allows, then replaced by this review's. NULL: a
   * full review that keeps nothing (the CLI). */
  struct pr_review_cache *cache;
} pr_review_options;

typedef struct pr_review {
  pr_finding **findings;     /* sorted by start, then code */
  uint32_t count;
  bool python2;              /* the file uses Python 2-only syntax */
  pr_arena arena;
} pr_review;

typedef enum pr_review_error {
  PR_REVIEW_OK = 0,
  PR_REVIEW_NO_MEMORY = -1,
} pr_review_error;

/* Reviews text[0..len) whose syntax tree is `tree`. On success fills *out (free it
 * with pr_review_free); on error *out is empty and needs no free. */
pr_review_error pr_review_file(const char *text, uint32_t len, const TSTree *tree,
                               const pr_review_options *options, pr_review *out);
void pr_review_free(pr_review *review);

#endif
