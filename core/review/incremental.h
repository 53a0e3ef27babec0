/* incremental.h - what a review keeps between reviews of one document, so that
 * an edit re-reviews only the functions it touched.
 *
 * A file is cut into segments and a skeleton. A segment is a function
 * definition (its decorators included) directly at module level or in a class
 * body, at any class depth, outside ERROR nodes: the top-level functions and
 * the methods. The skeleton is everything else (module statements, class
 * headers and bodies) plus each segment's name, which is bound where the
 * function is defined. The engine walks the skeleton on every review; a
 * segment is walked only when no kept result matches it.
 *
 * A kept result is keyed by the segment's bytes (with the line end after it)
 * and its context (the classes and blocks around it); it holds what the
 * segment produced: its findings, its facts (rule.h), its suppression
 * comments, the skeleton names it reads (so that "used" marks stay right
 * without walking it), its test classes, and
 * whether it holds Python 2 syntax. That is sound because rules are local
 * (rule.h): what a rule reports inside a segment depends only on that segment
 * and on the skeleton. So the skeleton is checked too: after the walk, a
 * digest of what rules can see of it (every binding of the module and of its
 * classes with its statement, class headers, the order of definitions; not
 * the methods of a class, which rules reach through facts) is compared with
 * the one the kept results were computed under. Comments, blank lines and
 * syntax errors in the skeleton do not enter that digest. When it differs
 * (an edit at module level, or a syntax error that cut a class short), each
 * reused result checks its own `deps`: what it read of the skeleton (the
 * classes around it, their bindings and what the names of their headers are
 * bound to; for every name it reads, bound around it or not, what each scope
 * around it binds to that name, a class's own bindings included). The review
 * is redone reusing only the results whose deps held; a result computed under
 * another file-wide state (rules' file keys, the Python 2 or test-code
 * verdict, a `global` segment) is never reused. Segments holding a
 * syntax error or a `global` statement are walked every time.
 *
 * Results the last review did not use are kept a while longer (at most
 * PR_CACHE_IDLE_MAX reviews, and at most twice as many as the last review used):
 * an unclosed `(` in one method can cut its class short and hand the rest of
 * the file to other contexts, and the `)` typed a few keystrokes later
 * restores them. Each result carries the skeleton and the file-wide state it
 * was last found valid under, so an older result is checked as strictly as
 * the last review's are.
 *
 * Offsets kept across reviews are places: relative to the segment's start, or
 * the start of a scope around the segment (the class it is a method of), so
 * they follow the text wherever the segment moves.
 *
 * Ownership: a pr_review_cache belongs to whoever keeps the document (the
 * server's document); pr_review_cache_free releases it and everything in it. */
#ifndef PR_INCREMENTAL_H
#define PR_INCREMENTAL_H

#include "rule.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A 64-bit hash of bytes (not cryptographic; a word at a time). */
uint64_t pr_hash_bytes(const char *s, size_t n, uint64_t seed);

typedef struct pr_place {
  uint32_t hops;             /* 0: `rel` bytes from the segment's start; n > 0: the start of the
                                n-th scope around the segment (1: the one it is defined in) */
  uint32_t rel;
} pr_place;

#define PR_PLACE_NONE ((pr_place){UINT32_MAX, 0})

enum { PR_CACHE_IDLE_MAX = 64 };

typedef struct pr_cached_related {
  pr_place start, end;
  char *message;
} pr_cached_related;

typedef struct pr_cached_finding {
  const pr_rule *rule;
  pr_severity severity;
  pr_place start, end, stmt_start, stmt_end;
  char *message;
  pr_cached_related *related;
  uint32_t related_count;
  char *fix_message;             /* NULL: no fix */
  pr_cached_related *edits;      /* start, end and replacement text of each edit */
  uint32_t edit_count;
} pr_cached_finding;

typedef struct pr_cached_fact {
  const pr_rule *rule;
  pr_place start, end, ref[2];   /* ref: PR_PLACE_NONE when the fact's ref was PR_NONE */
  uint32_t tag, value;
  char *text;                    /* NULL when the fact had none */
  uint32_t text_len;
} pr_cached_fact;

typedef struct pr_cached_name {
  char *name;                    /* read in the segment, bound in the skeleton */
  uint32_t len;
  uint32_t hops;                 /* scopes up from the segment's enclosing scope to the binding one */
  bool unbound;                  /* read, and bound in no scope around the segment (a builtin, a typo) */
  bool nested;                   /* some read is from a scope nested in the binding one */
  bool here;                     /* some read is directly in the binding scope (a decorator, a default) */
  uint32_t last_here;            /* the last such read, bytes from the segment's start */
} pr_cached_name;

typedef struct pr_segment_result {
  uint64_t hash;                 /* of the segment's text */
  uint64_t context;              /* of what is around it */
  uint32_t len;
  bool python2;                  /* holds Python 2-only syntax */
  pr_cached_finding *findings; uint32_t finding_count;
  pr_cached_fact *facts;       uint32_t fact_count;
  uint32_t *comments;          uint32_t *comment_lens; uint32_t comment_count;  /* bytes from the start */
  pr_cached_name *names;       uint32_t name_count;
  uint32_t *test_classes;      uint32_t test_class_count;  /* start, end of each test class in it */
  pr_key_part *key_parts;      uint32_t key_part_count;    /* its part of each rule's file_key, in rule order */
  uint64_t deps;                 /* what it read of the skeleton (engine.c: pr_engine__deps) */
  uint64_t skeleton, skeleton_before;  /* the last two skeleton digests its deps were found to hold
                                          under (an edit that breaks a class, then its undo) */
  uint64_t state;                /* the file-wide state it was computed under (rules' file keys,
                                    `global` segments, the Python 2 and test-code verdicts) */
  uint32_t stale_in;             /* the review (pr_review_cache.serial) that found its reads
                                    changed: that review walks it again */
  uint32_t kept_in;              /* the last review that used it */
  uint32_t idle;                 /* reviews since one last used it */
  /* statement ranges of findings that file-wide rules reported in it while it
   * was reused (engine.c: pr_stmt_memo): (start, end, statement start,
   * statement end) from its start, four a finding */
  uint32_t *stmt_memo;         uint32_t stmt_memo_count;
} pr_segment_result;

enum { PR_STMT_MEMO_MAX = 64 };

enum pr_review_size {
  PR_SIZE_EVENTS, PR_SIZE_KIDS, PR_SIZE_FACTS, PR_SIZE_FINDINGS, PR_SIZE_SEGS,
  PR_SIZE_SCOPES, PR_SIZE_BINDINGS, PR_SIZE_SYMBOLS, PR_SIZE_REFERENCES, PR_REVIEW_SIZES
};

/* The review's largest working arrays, kept by the document between reviews
 * (pr_review_cache.spare): freed and taken again, a large file's arrays came
 * from pages the system had to fault in again on each keystroke, 500 to 750
 * of them in one phase after an edit that tree-sitter recovered from (about
 * 10 us each on this project's VMs: up to 10 ms). Only arrays of at least
 * PR_SPARE_MIN_BYTES are kept, so a small document keeps none. The model's
 * arrays (scopes, bindings, symbols, references, its name table) and DUP001's
 * statement hashes are kept the same way. */
enum pr_spare_slot {
  PR_SPARE_EVENTS, PR_SPARE_KIDS, PR_SPARE_FACTS, PR_SPARE_FINDINGS, PR_SPARE_SEGS,
  PR_SPARE_SORTED, PR_SPARE_LIST, PR_SPARE_MERGE, PR_SPARE_HASHES,
  PR_SPARE_SCOPES, PR_SPARE_BINDINGS, PR_SPARE_SYMBOLS, PR_SPARE_REFERENCES, PR_SPARE_TABLE,
  PR_SPARE_SLOTS
};
enum { PR_SPARE_MIN_BYTES = 256 * 1024 };
typedef struct pr_spare {
  void *data;                    /* malloc'd; owned by the cache while here */
  size_t bytes;
} pr_spare;

typedef struct pr_review_cache {
  bool valid;
  uint64_t options;              /* the review options (path, test file, rules) */
  uint32_t serial;               /* counts calls of pr_review_file with this cache */
  pr_segment_result **results;   /* open addressing on (hash, context, len); NULL slots are empty */
  uint32_t cap, count;
  /* what the last review did, for tests and benchmarks */
  uint32_t last_walked, last_reused;
  uint32_t last_unkept;          /* walked functions whose results could not be kept: something they
                                    produced points into another function (or memory ran out) */
  bool last_full;
  /* how many items the last review's arrays held, to size the next one's */
  uint32_t sizes[PR_REVIEW_SIZES];
  pr_spare spare[PR_SPARE_SLOTS];  /* freed by pr_review_cache_clear */
  size_t spare_min_bytes;        /* PR_SPARE_MIN_BYTES from pr_review_cache_new; tests lower it */
} pr_review_cache;

pr_review_cache *pr_review_cache_new(void);
/* Forgets every result (keeps the object). */
void pr_review_cache_clear(pr_review_cache *cache);
void pr_review_cache_free(pr_review_cache *cache);
/* The result for a segment, or NULL: of those with its key (the same bytes
 * in the same context, computed under different skeletons or file-wide
 * states), the least idle one that the current review (serial) has not
 * found stale. */
pr_segment_result *pr_review_cache_find(const pr_review_cache *cache, uint64_t hash, uint64_t context, uint32_t len);
/* Each result held under a segment's key in turn, NULL after the last; set
 * *cursor to 0 before the first call. */
pr_segment_result *pr_review_cache_next_version(const pr_review_cache *cache, uint64_t hash, uint64_t context,
                                                uint32_t len, uint32_t *cursor);
/* Adds a result (the cache takes it). A result with the same key, skeleton,
 * state and deps as one already held is freed instead. False when out of
 * memory (the result is freed). */
bool pr_review_cache_put(pr_review_cache *cache, pr_segment_result *result);
/* Frees a result and its contents. */
void pr_segment_result_free(pr_segment_result *result);
/* Approximate heap bytes held, for memory reports. */
size_t pr_review_cache_bytes(const pr_review_cache *cache);

#endif
