/* arena.h - a bump allocator for data that lives exactly as long as one review.
 *
 * Ownership: everything returned by pr_arena_alloc belongs to the arena and is
 * released, all at once, by pr_arena_reset or pr_arena_free. Never free() it. */
#ifndef PR_ARENA_H
#define PR_ARENA_H

#include <stddef.h>

typedef struct pr_arena_block pr_arena_block;

typedef struct pr_arena {
  pr_arena_block *head;    /* block being filled; older blocks follow ->next */
  size_t used;             /* bytes used in head */
} pr_arena;

/* Returns zeroed memory aligned for any type, or NULL when out of memory. */
void *pr_arena_alloc(pr_arena *arena, size_t size);
/* Copies len bytes and appends a NUL. NULL when out of memory. */
char *pr_arena_strndup(pr_arena *arena, const char *s, size_t len);
/* printf into the arena. NULL when out of memory. */
char *pr_arena_printf(pr_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Keeps the first block for reuse, frees the others. */
void pr_arena_reset(pr_arena *arena);
void pr_arena_free(pr_arena *arena);

#endif
