/* suppress.h - `# noqa`, `# noqa: ITEMS`, `# pyreview: ignore[ITEMS]`, `# nosec`
 * and `# pyreview: ignore-file[ITEMS]` comments (catalog: Suppression).
 *
 * The engine feeds every comment node to pr_suppressions_add during its walk
 * and asks pr_suppressions_match for each finding. Items are kept as written;
 * an item that names no rule (`F401`) suppresses nothing. */
#ifndef PR_SUPPRESS_H
#define PR_SUPPRESS_H

#include "arena.h"
#include "text.h"
#include "rule.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct pr_suppression {
  uint32_t row;              /* 0-based line of the comment */
  bool all;                  /* bare `# noqa` */
  bool nosec;                /* `# nosec`: every SEC finding */
  bool file_level;           /* `# pyreview: ignore-file[...]` within the first 10 lines */
  bool pyreview;             /* `# pyreview: ignore[...]` or `ignore-file[...]`: addressed to pyreview alone */
  uint32_t item_count;
  const char **items;        /* arena strings */
  uint32_t *item_starts;     /* bytes of each item in the reviewed text */
  bool *item_used;           /* the item suppressed a finding (pr_suppressions_match) */
  bool used;                 /* the directive suppressed a finding */
  uint32_t start, end;       /* bytes of the directive: `# noqa: A, B`, `# pyreview: ignore[A]` */
  bool whole_comment;        /* nothing but spaces follows the directive in its comment */
  struct pr_suppression *next;
} pr_suppression;

typedef struct pr_suppressions {
  pr_suppression *head;      /* all comments with a suppression, newest first */
  pr_suppression *file_head; /* the file-level ones */
  pr_suppression **by_row;   /* after pr_suppressions_finish: line suppressions, rows ascending */
  uint32_t count;            /* line suppressions */
  pr_arena *arena;
} pr_suppressions;

void pr_suppressions_init(pr_suppressions *s, pr_arena *arena);
/* True when the comment may hold a directive (noqa, nosec, pyreview:): the
 * others need not be kept for later reviews (incremental.h). */
bool pr_suppressions_relevant(const char *comment, uint32_t len);
/* The edit that suppresses `code` on line `row` of text[0..len): an insertion
 * of *insert at byte *at: ", CODE" after the items of a `# noqa: ...` list
 * already on the line, else "  # noqa: CODE" at the line's end. False when the
 * line already suppresses everything (`# noqa`) or the code, or the insertion
 * does not fit in cap bytes. The line end is a safe place for a comment only
 * outside strings: callers pass the last line of a finding's statement. */
bool pr_suppression_edit(const char *text, uint32_t len, const pr_line_index *lines, uint32_t row, const char *code,
                         uint32_t *at, char *insert, size_t cap);
/* Parses one comment (text from '#', without the newline) found on `row`,
 * starting at byte `at` of the reviewed text. */
void pr_suppressions_add(pr_suppressions *s, const char *comment, uint32_t len, uint32_t row, uint32_t at);
/* Indexes the suppressions by row; call once after the last pr_suppressions_add.
 * Comments may come in any order (reused segments add theirs after the walk). */
void pr_suppressions_finish(pr_suppressions *s);
/* True when a finding of `rule` whose range starts on `row`, inside a statement
 * spanning rows [stmt_first, stmt_last] (header rows for compound statements),
 * is suppressed. Every directive and item that covers it is marked used (for
 * SUP001), not only the first. */
bool pr_suppressions_match(const pr_suppressions *s, const pr_rule *rule, uint32_t row, uint32_t stmt_first,
                           uint32_t stmt_last);

/* True when a file-level directive or one on `row` has an item naming `rule`
 * (a bare `# noqa` does not count); marks it used. For the findings about
 * suppressions themselves. */
bool pr_suppressions_name(const pr_suppressions *s, const pr_rule *rule, uint32_t row);

/* An unused suppression (SUP001): a bare `# noqa` (item == UINT32_MAX) or one
 * item of a list that suppressed nothing. */
typedef struct pr_unused_suppression {
  const pr_suppression *sup;
  uint32_t item;
} pr_unused_suppression;
/* Calls `fn` for each unused directive and item, in no particular order. `#
 * nosec` is bandit's and never reported. */
void pr_suppressions_each_unused(const pr_suppressions *s, void (*fn)(void *arg, const pr_unused_suppression *u),
                                 void *arg);

#endif
