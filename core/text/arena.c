/* arena.c - bump allocator; see arena.h. */
#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pr_arena_block {
  pr_arena_block *next;
  size_t size;
  _Alignas(max_align_t) unsigned char data[];
};

enum { PR_ARENA_MIN_BLOCK = 64 * 1024 };

void *pr_arena_alloc(pr_arena *arena, size_t size) {
  size_t align = _Alignof(max_align_t);
  size = (size + align - 1) & ~(align - 1);
  if (size == 0) size = align;
  if (!arena->head || arena->used + size > arena->head->size) {
    size_t bsize = size > PR_ARENA_MIN_BLOCK ? size : PR_ARENA_MIN_BLOCK;
    pr_arena_block *b = malloc(sizeof *b + bsize);
    if (!b) return NULL;
    b->size = bsize;
    b->next = arena->head;
    arena->head = b;
    arena->used = 0;
  }
  void *p = arena->head->data + arena->used;
  arena->used += size;
  memset(p, 0, size);
  return p;
}

char *pr_arena_strndup(pr_arena *arena, const char *s, size_t len) {
  char *p = pr_arena_alloc(arena, len + 1);
  if (!p) return NULL;
  if (len) memcpy(p, s, len);
  p[len] = 0;
  return p;
}

char *pr_arena_printf(pr_arena *arena, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return NULL;
  char *p = pr_arena_alloc(arena, (size_t)n + 1);
  if (!p) return NULL;
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}

void pr_arena_reset(pr_arena *arena) {
  if (!arena->head) return;
  pr_arena_block *keep = arena->head;
  /* keep the largest-recent block: the head */
  pr_arena_block *b = keep->next;
  while (b) {
    pr_arena_block *n = b->next;
    free(b);
    b = n;
  }
  keep->next = NULL;
  arena->used = 0;
}

void pr_arena_free(pr_arena *arena) {
  pr_arena_block *b = arena->head;
  while (b) {
    pr_arena_block *n = b->next;
    free(b);
    b = n;
  }
  arena->head = NULL;
  arena->used = 0;
}
