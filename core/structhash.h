/* structhash.h - a structural hash of syntax trees (DUP001 duplicate blocks,
 * TST009 duplicate cleanups): two statements or expressions hash alike when
 * their syntax trees are equal with whitespace, comments, parentheses, commas
 * and quote style ignored, and identifiers, operators and literal values kept
 * (`'x'` equals `"x"`; `1` does not equal `1.0`; `b'x'` does not equal `'x'`).
 * One walk of the node with a cursor; nothing is allocated. */
#ifndef PR_STRUCTHASH_H
#define PR_STRUCTHASH_H

#include <stdint.h>
#include <tree_sitter/api.h>

/* The structural hash of `node`; `text` is the source its tree was parsed from. */
uint64_t pr_struct_hash(const char *text, TSNode node);

/* Combines hashes in order (for a run of statements). */
static inline uint64_t pr_struct_hash_combine(uint64_t h, uint64_t next) {
  h ^= next + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdull;
}

#endif
