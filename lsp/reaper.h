/* reaper.h - a thread of its own that deletes the syntax trees the server let
 * go of.
 *
 * An edit that tree-sitter had to recover from leaves a tree whose new nodes
 * take milliseconds to free once an undo makes it garbage (up to 14 ms on the
 * Nova test module). Deleted on the review worker, they delayed the next
 * keystroke's review by that much; here they are deleted beside it, at a
 * lower priority. tree-sitter's reference counts are atomic, so a tree may be
 * deleted while a review reads trees that share its nodes.
 *
 * Ownership: pr_reaper_give takes the trees when it returns true (the caller
 * deletes them itself otherwise); pr_reaper_free deletes what is still
 * pending, then ends the thread. */
#ifndef PR_REAPER_H
#define PR_REAPER_H

#include <stdbool.h>
#include <stdint.h>

#include <tree_sitter/api.h>

typedef struct pr_reaper pr_reaper;

/* NULL when the thread cannot be started (or out of memory). */
pr_reaper *pr_reaper_new(void);
/* Queues trees[0..n) for deletion. False when out of memory. */
bool pr_reaper_give(pr_reaper *reaper, TSTree *const *trees, uint32_t n);
/* Deletes the pending trees and joins the thread. NULL is ignored. */
void pr_reaper_free(pr_reaper *reaper);

#endif
