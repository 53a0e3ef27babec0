/* incremental.c - hashing and the per-document cache of segment results; see
 * incremental.h. The engine (engine.c) finds segments, decides reuse and
 * fills the cache. */
#include "incremental.h"

#include <stdlib.h>
#include <string.h>

uint64_t pr_hash_bytes(const char *s, size_t n, uint64_t seed) {
  const uint64_t k = 0x9E3779B97F4A7C15ull;
  uint64_t h = seed ^ (n * k);
  size_t i = 0;
  if (n >= 64) {
    /* four independent lanes: each step's multiply waits for the one before
       it, so one lane hashes 8 bytes per multiply latency and four hash 32
       (a review hashes every function of the file on every keystroke) */
    uint64_t a = h, b = h ^ 0xC2B2AE3D27D4EB4Full, c = h ^ 0x165667B19E3779F9ull, d = h ^ 0x27D4EB2F165667C5ull;
    for (; i + 32 <= n; i += 32) {
      uint64_t w[4];
      memcpy(w, s + i, 32);
      a = (a ^ w[0]) * k;
      b = (b ^ w[1]) * k;
      c = (c ^ w[2]) * k;
      d = (d ^ w[3]) * k;
      a ^= a >> 31;
      b ^= b >> 31;
      c ^= c >> 31;
      d ^= d >> 31;
    }
    const uint64_t m = 0xBF58476D1CE4E5B9ull;
    h = (h ^ a) * m;
    h = (h ^ (h >> 29) ^ b) * m;
    h = (h ^ (h >> 29) ^ c) * m;
    h = (h ^ (h >> 29) ^ d) * m;
    h ^= h >> 29;
  }
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = (h ^ w) * k;
    h ^= h >> 31;
  }
  uint64_t tail = 0;
  if (n > i) memcpy(&tail, s + i, n - i);
  h = (h ^ tail ^ ((uint64_t)(n - i) << 56)) * k;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

pr_review_cache *pr_review_cache_new(void) {
  pr_review_cache *c = calloc(1, sizeof(pr_review_cache));
  if (c) c->spare_min_bytes = PR_SPARE_MIN_BYTES;
  return c;
}

void pr_segment_result_free(pr_segment_result *r) {
  if (!r) return;
  for (uint32_t i = 0; i < r->finding_count; i++) {
    pr_cached_finding *f = &r->findings[i];
    free(f->message);
    for (uint32_t j = 0; j < f->related_count; j++) free(f->related[j].message);
    free(f->related);
    free(f->fix_message);
    for (uint32_t j = 0; j < f->edit_count; j++) free(f->edits[j].message);
    free(f->edits);
  }
  free(r->findings);
  for (uint32_t i = 0; i < r->fact_count; i++) free(r->facts[i].text);
  free(r->facts);
  free(r->comments);
  free(r->comment_lens);
  free(r->key_parts);
  for (uint32_t i = 0; i < r->name_count; i++) free(r->names[i].name);
  free(r->names);
  free(r->test_classes);
  free(r->stmt_memo);
  free(r);
}

void pr_review_cache_clear(pr_review_cache *c) {
  for (uint32_t i = 0; i < c->cap; i++) pr_segment_result_free(c->results[i]);
  free(c->results);
  c->results = NULL;
  c->cap = c->count = 0;
  c->valid = false;
  for (int i = 0; i < PR_SPARE_SLOTS; i++) {
    free(c->spare[i].data);
    c->spare[i] = (pr_spare){NULL, 0};
  }
}

void pr_review_cache_free(pr_review_cache *c) {
  if (!c) return;
  pr_review_cache_clear(c);
  free(c);
}

static uint32_t pr_cache__slot(uint64_t hash, uint64_t context, uint32_t len, uint32_t cap) {
  uint64_t h = (hash ^ (context * 0x9E3779B97F4A7C15ull) ^ len) * 0xBF58476D1CE4E5B9ull;
  return (uint32_t)(h >> 32) & (cap - 1);
}

pr_segment_result *pr_review_cache_next_version(const pr_review_cache *c, uint64_t hash, uint64_t context,
                                                uint32_t len, uint32_t *cursor) {
  if (!c->cap) return NULL;
  uint32_t home = pr_cache__slot(hash, context, len, c->cap);
  for (; *cursor < c->cap; (*cursor)++) {
    pr_segment_result *r = c->results[(home + *cursor) & (c->cap - 1)];
    if (!r) return NULL;
    if (r->hash == hash && r->context == context && r->len == len) {
      (*cursor)++;
      return r;
    }
  }
  return NULL;
}

pr_segment_result *pr_review_cache_find(const pr_review_cache *c, uint64_t hash, uint64_t context, uint32_t len) {
  pr_segment_result *best = NULL;
  uint32_t cursor = 0;
  for (pr_segment_result *r; (r = pr_review_cache_next_version(c, hash, context, len, &cursor));)
    if (r->stale_in != c->serial && (!best || r->idle < best->idle)) best = r;
  return best;
}

bool pr_review_cache_put(pr_review_cache *c, pr_segment_result *r) {
  if ((c->count + 1) * 2 > c->cap) {
    uint32_t cap = c->cap ? c->cap * 2 : 64;
    pr_segment_result **slots = calloc(cap, sizeof *slots);
    if (!slots) { pr_segment_result_free(r); return false; }
    for (uint32_t i = 0; i < c->cap; i++) {
      pr_segment_result *o = c->results[i];
      if (!o) continue;
      uint32_t j = pr_cache__slot(o->hash, o->context, o->len, cap);
      while (slots[j]) j = (j + 1) & (cap - 1);
      slots[j] = o;
    }
    free(c->results);
    c->results = slots;
    c->cap = cap;
  }
  uint32_t i = pr_cache__slot(r->hash, r->context, r->len, c->cap);
  for (; c->results[i]; i = (i + 1) & (c->cap - 1)) {
    const pr_segment_result *o = c->results[i];
    if (o->hash == r->hash && o->context == r->context && o->len == r->len && o->skeleton == r->skeleton &&
        o->skeleton_before == r->skeleton_before && o->state == r->state && o->deps == r->deps) {
      pr_segment_result_free(r);
      return true;
    }
  }
  c->results[i] = r;
  c->count++;
  return true;
}

size_t pr_review_cache_bytes(const pr_review_cache *c) {
  if (!c) return 0;
  size_t n = sizeof *c + c->cap * sizeof *c->results;
  for (uint32_t i = 0; i < c->cap; i++) {
    const pr_segment_result *r = c->results[i];
    if (!r) continue;
    n += sizeof *r + r->finding_count * sizeof *r->findings + r->fact_count * sizeof *r->facts +
         r->comment_count * 2 * sizeof(uint32_t) + r->name_count * sizeof *r->names +
         r->test_class_count * 2 * sizeof(uint32_t) + r->stmt_memo_count * 4 * sizeof(uint32_t);
    for (uint32_t j = 0; j < r->finding_count; j++) n += strlen(r->findings[j].message) + 1;
    for (uint32_t j = 0; j < r->name_count; j++) n += r->names[j].len + 1;
    for (uint32_t j = 0; j < r->fact_count; j++) n += r->facts[j].text ? r->facts[j].text_len + 1 : 0;
  }
  for (int i = 0; i < PR_SPARE_SLOTS; i++) n += c->spare[i].bytes;  /* the working arrays it keeps */
  return n;
}
