/* structhash.h - a structural hash of syntax trees (DUP001 duplicate blocks,
 * TST009 duplicate cleanups): two statements or expressions hash alike when
 * their syntax trees are equal with whitespace, comments, parentheses, commas
 * and quote style ignored, and identifiers, operators and literal values kept
 * (`'x'` equals `"x"`; `1` does not equal `1.0`; `b'x'` does not equal `'x'`).
 * One walk of the node with a cursor; nothing is allocated. */
#ifndef PR_STRUCTHASH_H
#define PR_STRUCTHASH_H

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "syntax.h"  /* pr_kind */

/* The structural hash of `node`; `text` is the source its tree was parsed from. */
uint64_t pr_struct_hash(const char *text, TSNode node);

/* The same, where `known` (may be NULL) gives the hash of a `block` or
 * statement below `node` already hashed (sets *found), so that a caller
 * hashing inner blocks first hashes every node once: a known subtree is not
 * walked again. The hash
 * is a Merkle hash (a node's from its kind, text and children's hashes), so
 * a known block's pr_struct_hash stands in for its subtree exactly. */
typedef uint64_t (*pr_struct_hash_known)(void *data, TSNode block, bool *found);
uint64_t pr_struct_hash_with(const char *text, TSNode node, pr_struct_hash_known known, void *data);

/* The same hash, computed node by node by a walk that already visits every
 * node (the review's): pr_struct_hash_start says what `node` adds. A node
 * whose children count (PR_SH_OPEN) folds each child's value into *h and
 * gives pr_struct_hash_close(*h) to its parent; a leaf (PR_SH_LEAF) gives *h
 * itself (`kind` is the node's pr_kind, `named` ts_node_is_named, `symbol`
 * ts_node_symbol: the walk knows all three); a transparent node
 * (PR_SH_THROUGH: parentheses) passes its children's values on to its
 * parent; PR_SH_NONE adds nothing (comments,
 * `(`, `)`, `,`). A statement's value equals pr_struct_hash of it. */
typedef enum pr_sh_mode { PR_SH_NONE = 0, PR_SH_LEAF, PR_SH_OPEN, PR_SH_THROUGH } pr_sh_mode;
pr_sh_mode pr_struct_hash_start(const char *text, TSNode node, pr_kind kind, bool named, TSSymbol symbol,
                                uint64_t *h);
uint64_t pr_struct_hash_close(uint64_t h);
/* True when `node`, a `string`, is plain: no interpolation (not an
 * f-string), no error, and (raw) no backslash. A plain string's content has
 * nothing below it that a rule or the model reads, so a walk may take it as a
 * leaf: *value (when not NULL) is then set to what pr_struct_hash gives for
 * it, as if it had been descended, and *ur says whether its prefix is Python
 * 2's `ur`. Decided from the text, without visiting the children. */
bool pr_struct_hash_plain_string(const char *text, TSNode node, bool *ur, uint64_t *value);
/* The same for a `concatenated_string` (`symbol` its ts_node_symbol): true
 * when every string in it is plain and no comment stands between them; *ur
 * when one of them has the prefix `ur`. */
bool pr_struct_hash_plain_concatenation(const char *text, TSNode node, TSSymbol symbol, bool *ur, uint64_t *value);
uint64_t pr_struct_hash_fold(uint64_t parent, uint64_t child);

/* Combines hashes in order (for a run of statements). */
static inline uint64_t pr_struct_hash_combine(uint64_t h, uint64_t next) {
  h ^= next + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdull;
}

#endif
