/* reaper.c - deletes let-go syntax trees on a thread of its own (reaper.h). */
#define _GNU_SOURCE
#include "reaper.h"

#include <stdlib.h>
#include <string.h>
#include <uv.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

struct pr_reaper {
  uv_thread_t thread;
  uv_mutex_t lock;
  uv_cond_t wake;
  TSTree **trees;  /* pending, guarded by lock */
  uint32_t count, cap;
  bool stop;
};

static void pr_reaper__run(void *arg) {
  pr_reaper *r = arg;
#ifdef __linux__
  /* Below the review worker and the loop: on one core the next review comes
     first. Best effort; on Linux a thread's nice value is its own. */
  (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10);
#endif
  uv_mutex_lock(&r->lock);
  for (;;) {
    while (!r->count && !r->stop) uv_cond_wait(&r->wake, &r->lock);
    if (!r->count) break;  /* stopping, and nothing left */
    TSTree *tree = r->trees[--r->count];
    uv_mutex_unlock(&r->lock);
    ts_tree_delete(tree);
    uv_mutex_lock(&r->lock);
  }
  uv_mutex_unlock(&r->lock);
}

pr_reaper *pr_reaper_new(void) {
  pr_reaper *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  if (uv_mutex_init(&r->lock) != 0) goto fail_mutex;
  if (uv_cond_init(&r->wake) != 0) goto fail_cond;
  if (uv_thread_create(&r->thread, pr_reaper__run, r) != 0) goto fail_thread;
  return r;
fail_thread:
  uv_cond_destroy(&r->wake);
fail_cond:
  uv_mutex_destroy(&r->lock);
fail_mutex:
  free(r);
  return NULL;
}

bool pr_reaper_give(pr_reaper *r, TSTree *const *trees, uint32_t n) {
  if (!n) return true;
  uv_mutex_lock(&r->lock);
  bool ok = true;
  if (r->count + n > r->cap) {
    uint32_t cap = r->cap ? r->cap : 16;
    while (cap < r->count + n) cap *= 2;
    TSTree **grown = realloc(r->trees, cap * sizeof *grown);
    if (grown) {
      r->trees = grown;
      r->cap = cap;
    } else {
      ok = false;
    }
  }
  if (ok) {
    memcpy(r->trees + r->count, trees, n * sizeof *trees);
    r->count += n;
    uv_cond_signal(&r->wake);
  }
  uv_mutex_unlock(&r->lock);
  return ok;
}

void pr_reaper_free(pr_reaper *r) {
  if (!r) return;
  uv_mutex_lock(&r->lock);
  r->stop = true;
  uv_cond_signal(&r->wake);
  uv_mutex_unlock(&r->lock);
  uv_thread_join(&r->thread);
  uv_cond_destroy(&r->wake);
  uv_mutex_destroy(&r->lock);
  free(r->trees);
  free(r);
}
