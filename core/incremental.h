/* incremental.h - what a review keeps between reviews of one document, so that
 * an edit re-reviews only the functions it touched.
 *
 * A file is cut into segments and a skeleton. A segment is a function
 * definition (its decorators included) directly at module level or in a class
 * body, at any class depth, outside ERROR nodes: the top-level functions and
 * the methods. The skeleton is everything else (module statements, class
 * headers and bodies) plus each segment's name. The engine walks the skeleton
 * on every review; a segment is walked only when its bytes changed (a shift
 * alone does not count) or when the skeleton's fingerprint changed.
 *
 * What a walked segment produced is kept: its findings, its facts (rule.h),
 * its suppression comments, the names it reads from the skeleton (so that the
 * skeleton's "used" marks stay right without walking it), and whether it holds
 * Python 2 syntax or a `global` statement. That is sound because rules are
 * local (rule.h): what a rule reports inside a segment depends only on that
 * segment and the skeleton. A segment holding a `global` statement or a syntax
 * error is walked every time.
 *
 * Offsets that outlive a review are stored as places: a region (the gap
 * before segment 0, segment 0, the gap after it, ...) and an offset into it.
 * While the skeleton fingerprint is unchanged the regions are the same text in
 * the same order, so a place maps back to the right byte in the new text.
 *
 * Ownership: a pr_review_cache belongs to whoever keeps the document (the
 * server's document); pr_review_cache_free releases it and everything in it.
 * A pr_layout belongs to the review that built it. */
#ifndef PR_INCREMENTAL_H
#define PR_INCREMENTAL_H

#include "rule.h"

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

/* A 64-bit hash of bytes (not cryptographic; word at a time). */
uint64_t pr_hash_bytes(const char *s, size_t n, uint64_t seed);

typedef struct pr_segment {
  TSNode node;               /* function_definition or decorated_definition */
  uint32_t start, end;       /* bytes */
  uint64_t hash;             /* of its text */
  bool has_error;            /* its subtree holds a syntax error */
} pr_segment;

typedef struct pr_layout {
  pr_segment *segments;      /* document order */
  uint32_t count, cap;
  uint64_t skeleton;         /* fingerprint: the skeleton's text, region by region, and the segments' names */
} pr_layout;

typedef struct pr_place {
  uint32_t region;           /* 2k: the gap before segment k; 2k + 1: segment k */
  uint32_t rel;              /* bytes from the region's start */
} pr_place;

/* Finds the segments of a parsed file (a cursor walk of the skeleton only).
 * False when out of memory. Free with pr_layout_free. */
bool pr_layout_build(pr_layout *layout, const char *text, uint32_t len, TSNode root);
void pr_layout_free(pr_layout *layout);
/* The segment holding byte `at`, or PR_NONE. */
uint32_t pr_layout_segment_at(const pr_layout *layout, uint32_t at);
pr_place pr_layout_encode(const pr_layout *layout, uint32_t at);
uint32_t pr_layout_decode(const pr_layout *layout, pr_place place);

/* ---------- the cache ---------- */

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
} pr_cached_finding;

typedef struct pr_cached_fact {
  const pr_rule *rule;
  pr_place start, end, ref[2];   /* ref: region PR_NONE when the fact's ref was PR_NONE */
  uint32_t tag, value;
  char *text;                    /* NULL when the fact had none */
  uint32_t text_len;
} pr_cached_fact;

typedef struct pr_cached_name {
  char *name;                    /* read in the segment, bound in the skeleton */
  uint32_t len;
  uint32_t hops;                 /* scopes up from the segment's enclosing scope to the binding one */
  bool nested;                   /* some read is from a scope nested in the binding one */
  bool here;                     /* some read is directly in the binding scope (a decorator, a default) */
  pr_place last_here;            /* the last such read */
} pr_cached_name;

typedef struct pr_segment_result {
  uint64_t hash;
  uint32_t len;
  bool reusable;                 /* false: walk it every time (syntax error, `global`) */
  bool python2;                  /* holds Python 2-only syntax */
  pr_cached_finding *findings; uint32_t finding_count;
  pr_cached_fact *facts;       uint32_t fact_count;
  pr_place *comments;          uint32_t *comment_lens; uint32_t comment_count;
  pr_cached_name *names;       uint32_t name_count;
  pr_place *test_classes;      uint32_t test_class_count;  /* start, end of each test class in it */
} pr_segment_result;

typedef struct pr_review_cache {
  bool valid;
  uint64_t skeleton;             /* the layout fingerprint the results were computed under */
  uint64_t options;              /* the review options (path, test file, rules) */
  uint64_t file_keys;            /* rules' file_key digests */
  uint64_t globals;              /* the text of the segments holding `global` */
  bool python2;                  /* the file's Python 2 verdict */
  pr_segment_result *results;    /* one per segment of that layout */
  uint32_t count;
  /* what the last review did, for tests and benchmarks */
  uint32_t last_walked, last_reused;
  bool last_full;
} pr_review_cache;

pr_review_cache *pr_review_cache_new(void);
/* Forgets every result (keeps the object). */
void pr_review_cache_clear(pr_review_cache *cache);
void pr_review_cache_free(pr_review_cache *cache);
/* Frees one result's contents and zeroes it. */
void pr_segment_result_free(pr_segment_result *result);
/* Approximate heap bytes held, for memory reports. */
size_t pr_review_cache_bytes(const pr_review_cache *cache);

#endif
