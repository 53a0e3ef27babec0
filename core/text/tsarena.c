/* tsarena.c - tree-sitter's memory for one file of a batch run; see tsarena.h. */
#include "tsarena.h"

#include <tree_sitter/api.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define PR_TS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PR_TS_ASAN 1
#endif
#endif
#ifdef PR_TS_ASAN
#include <sanitizer/asan_interface.h>
/* what is not handed out, and what was freed, stays poisoned: ASan reports
   a use after free inside the arena as it would on the heap */
#define PR_TS_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define PR_TS_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define PR_TS_POISON(p, n) ((void)(p), (void)(n))
#define PR_TS_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* Each allocation is preceded by its size, kept in a 16-byte header so that
   every pointer keeps malloc's alignment. */
#define PR_TS_HEADER 16u
#define PR_TS_FIRST_BLOCK ((size_t)1 << 20)

typedef struct pr_ts_block {
  struct pr_ts_block *next;  /* older, smaller blocks */
  size_t cap, used;
  _Alignas(16) unsigned char data[];
} pr_ts_block;

/* Allocations whose span (header included) is at least this take a power of
   two and go back on a free list of their size when freed: tree-sitter's
   error recovery copies and regrows arrays of subtrees over and over, and
   without reuse a 16 KB broken file filled the arena's 256 MB with dead
   copies (zeroed, page by page: 1.7 s against a 36 ms parse on malloc). */
#define PR_TS_BIG 4096u
#define PR_TS_CLASSES 64

typedef struct pr_ts_arena {
  unsigned char *free_big[PR_TS_CLASSES];  /* freed big spans by log2 size, linked through their headers */
  pr_ts_block *blocks;  /* the newest (largest) first */
  size_t total;         /* capacity of all blocks */
  size_t handed;        /* bytes handed out in this scope, headers included */
  bool open;
  bool spilled;         /* an allocation of this scope went to malloc */
} pr_ts_arena;

static _Thread_local pr_ts_arena pr_ts__arena;

static void pr_ts__out_of_memory(size_t size) {
  /* what tree-sitter's own allocator does: it cannot go on without memory */
  fprintf(stderr, "tree-sitter failed to allocate %zu bytes\n", size);
  abort();
}

static bool pr_ts__owns(const pr_ts_arena *a, const void *p) {
  for (const pr_ts_block *b = a->blocks; b; b = b->next)
    if ((const unsigned char *)p >= b->data && (const unsigned char *)p < b->data + b->cap) return true;
  return false;
}

/* log2 of the power of two that holds `span` (span >= 2). */
static unsigned pr_ts__class(size_t span) {
  return (unsigned)(sizeof(unsigned long long) * 8) - (unsigned)__builtin_clzll((unsigned long long)(span - 1));
}

/* The bytes an allocation of n takes in a block, its header included: a
   power of two from PR_TS_BIG up. */
static size_t pr_ts__span(size_t n) {
  size_t span = PR_TS_HEADER + ((n + 15) & ~(size_t)15);
  return span < PR_TS_BIG ? span : (size_t)1 << pr_ts__class(span);
}

/* The free list's link lives in the header, after the size (never poisoned). */
static unsigned char *pr_ts__next_free(const unsigned char *start) {
  unsigned char *next;
  memcpy(&next, start + sizeof(size_t), sizeof next);
  return next;
}

static size_t pr_ts__size(const void *p) {
  size_t n;
  memcpy(&n, (const unsigned char *)p - PR_TS_HEADER, sizeof n);
  return n;
}

/* n bytes from the arena, or NULL when the arena may not grow. */
static void *pr_ts__carve(pr_ts_arena *a, size_t n) {
  if (n > PR_TS_ARENA_MAX) return NULL;
  size_t need = pr_ts__span(n);
  if (need >= PR_TS_BIG) {
    unsigned c = pr_ts__class(need);
    unsigned char *start = a->free_big[c];
    if (start) {
      a->free_big[c] = pr_ts__next_free(start);
      a->handed += need;
      PR_TS_UNPOISON(start, need);
      memcpy(start, &n, sizeof n);
      return start + PR_TS_HEADER;
    }
  }
  pr_ts_block *b = a->blocks;
  if (!b || b->cap - b->used < need) {
    size_t cap = b ? b->cap * 2 : PR_TS_FIRST_BLOCK;
    while (cap < need) cap *= 2;
    if (a->total + cap > PR_TS_ARENA_MAX) return NULL;
    pr_ts_block *nb = malloc(sizeof *nb + cap);
    if (!nb) return NULL;
    nb->next = b;
    nb->cap = cap;
    nb->used = 0;
    PR_TS_POISON(nb->data, cap);
    a->blocks = b = nb;
    a->total += cap;
  }
  unsigned char *p = b->data + b->used + PR_TS_HEADER;
  b->used += need;
  a->handed += need;
  PR_TS_UNPOISON(p - PR_TS_HEADER, need);
  memcpy(p - PR_TS_HEADER, &n, sizeof n);
  return p;
}

static void *pr_ts__malloc(size_t n) {
  pr_ts_arena *a = &pr_ts__arena;
  void *p = a->open ? pr_ts__carve(a, n) : NULL;
  if (!p) {
    a->spilled |= a->open;
    p = malloc(n);
  }
  if (!p && n) pr_ts__out_of_memory(n);
  return p;
}

static void *pr_ts__calloc(size_t count, size_t size) {
  pr_ts_arena *a = &pr_ts__arena;
  if (size && count > SIZE_MAX / size) pr_ts__out_of_memory(SIZE_MAX);
  void *p = a->open ? pr_ts__carve(a, count * size) : NULL;
  if (p) {
    memset(p, 0, count * size);
  } else {
    a->spilled |= a->open;
    p = calloc(count, size);
  }
  if (!p && count && size) pr_ts__out_of_memory(count * size);
  return p;
}

static void pr_ts__free(void *p) {
  pr_ts_arena *a = &pr_ts__arena;
  if (!p) return;
  if (!a->open || !pr_ts__owns(a, p)) {
    free(p);
    return;
  }
  size_t n = pr_ts__size(p), need = pr_ts__span(n);
  pr_ts_block *b = a->blocks;
  /* the latest allocation is given back: arrays that grow and shrink in turn
     (the parse stack's) reuse their bytes */
  unsigned char *start = (unsigned char *)p - PR_TS_HEADER;
  if (start >= b->data && start + need == b->data + b->used) {
    b->used -= need;
    a->handed -= need;
    PR_TS_POISON(start, need);
  } else if (need >= PR_TS_BIG) {
    unsigned c = pr_ts__class(need);
    memcpy(start + sizeof(size_t), &a->free_big[c], sizeof a->free_big[c]);
    a->free_big[c] = start;
    a->handed -= need;
    PR_TS_POISON(p, need - PR_TS_HEADER);
  } else {
    PR_TS_POISON(p, need - PR_TS_HEADER);
  }
}

static void *pr_ts__realloc(void *p, size_t n) {
  pr_ts_arena *a = &pr_ts__arena;
  if (!p) return pr_ts__malloc(n);
  if (!a->open || !pr_ts__owns(a, p)) {
    void *q = realloc(p, n);
    if (!q && n) pr_ts__out_of_memory(n);
    return q;
  }
  size_t old = pr_ts__size(p), old_need = pr_ts__span(old), need = pr_ts__span(n);
  pr_ts_block *b = a->blocks;
  unsigned char *start = (unsigned char *)p - PR_TS_HEADER;
  bool latest = start >= b->data && start + old_need == b->data + b->used;
  if (latest && n <= PR_TS_ARENA_MAX && b->used - old_need + need <= b->cap) {
    /* the latest allocation grows or shrinks in place */
    b->used = b->used - old_need + need;
    a->handed = a->handed - old_need + need;
    if (need > old_need) PR_TS_UNPOISON(start + old_need, need - old_need);
    else PR_TS_POISON(start + need, old_need - need);
    memcpy(start, &n, sizeof n);
    return p;
  }
  if (n <= old) {
    memcpy(start, &n, sizeof n);
    return p;
  }
  void *q = pr_ts__malloc(n);
  memcpy(q, p, old);
  pr_ts__free(p);
  return q;
}

static pthread_once_t pr_ts__once = PTHREAD_ONCE_INIT;
static bool pr_ts__installed;

static void pr_ts__install(void) {
  ts_set_allocator(pr_ts__malloc, pr_ts__calloc, pr_ts__realloc, pr_ts__free);
  pr_ts__installed = true;
}

void pr_ts_arena_install(void) { pthread_once(&pr_ts__once, pr_ts__install); }

void pr_ts_scope_begin(void) {
  if (!pr_ts__installed) return;
  pr_ts__arena.open = true;
  pr_ts__arena.spilled = false;
  pr_ts__arena.handed = 0;
  memset(pr_ts__arena.free_big, 0, sizeof pr_ts__arena.free_big);
}

bool pr_ts_scope_holds_everything(void) { return pr_ts__arena.open && !pr_ts__arena.spilled; }

void pr_ts_scope_end(void) {
  pr_ts_arena *a = &pr_ts__arena;
  if (!a->open) return;
  a->open = false;
  memset(a->free_big, 0, sizeof a->free_big);
  pr_ts_block *keep = a->blocks;
  if (!keep) return;
  if (keep->next) {
    /* the file needed several blocks: one block as large as all of them
       serves the next such file without growing (a fresh block costs a page
       fault per 4 KiB when first written) */
    size_t total = a->total;
    for (pr_ts_block *b = keep, *next; b; b = next) {
      next = b->next;
      PR_TS_UNPOISON(b->data, b->cap);
      free(b);
    }
    keep = malloc(sizeof *keep + total);
    a->blocks = keep;
    a->total = keep ? total : 0;
    if (!keep) return;
    keep->next = NULL;
    keep->cap = total;
  }
  keep->used = 0;
  PR_TS_POISON(keep->data, keep->cap);
}

void pr_ts_arena_release(void) {
  pr_ts_arena *a = &pr_ts__arena;
  if (a->open) return;
  for (pr_ts_block *b = a->blocks, *next; b; b = next) {
    next = b->next;
    PR_TS_UNPOISON(b->data, b->cap);
    free(b);
  }
  a->blocks = NULL;
  a->total = 0;
}

size_t pr_ts_arena_used(void) { return pr_ts__arena.handed; }
