/* resultcache.h - `pyreview check`'s result cache on disk (`.pyreview_cache`).
 *
 * A file's report (its rendered findings, its warnings and its counts per
 * severity) is stored under a 128-bit key of everything it depends on: the
 * file's bytes, how it is reviewed (displayed path, test-file verdict, rule
 * selection, report format) and the pyreview executable itself, so a rebuilt
 * or upgraded pyreview never reads an older one's results. An unchanged file
 * is then reported without being read as Python, parsed or reviewed.
 *
 * Layout: DIR/CACHEDIR.TAG and DIR/.gitignore (so backup tools and git leave
 * it alone, as Ruff's does), then DIR/v1/XX/KEY, one file per result. Writes go
 * to a temporary file renamed into place, so concurrent runs never see half a
 * result, and a result that does not parse is treated as absent: deleting any
 * part of the folder at any time is safe. pr_result_cache_prune bounds its size.
 *
 * Ownership: a pr_result_cache owns its `dir` string (pr_result_cache_close).
 * A pr_cached_report owns its buffers (pr_cached_report_free). Thread-safe: the
 * functions share no state beyond the file system. */
#ifndef PR_RESULTCACHE_H
#define PR_RESULTCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

typedef struct pr_result_cache {
  char *dir;                 /* NULL when disabled */
  uint64_t program;          /* digest of the running executable */
} pr_result_cache;

typedef struct pr_cache_key {
  uint64_t a, b;
} pr_cache_key;

typedef struct pr_cached_report {
  char *out;                 /* the rendered findings */
  size_t out_len;
  char *err;                 /* warnings printed for the file */
  size_t err_len;
  uint32_t counts[5];        /* findings per severity (index = pr_severity); [0]: taken out by the baseline */
} pr_cached_report;

/* Opens (creating it when missing) the cache folder. On failure returns false
 * with a reason in why[0..why_cap) and leaves the cache disabled. */
bool pr_result_cache_open(pr_result_cache *cache, const char *dir, char *why, size_t why_cap);
void pr_result_cache_close(pr_result_cache *cache);

/* The key of a file's bytes reviewed in `context` (any bytes that change the report). */
pr_cache_key pr_result_cache_key(const pr_result_cache *cache, const char *bytes, size_t n, const char *context,
                                 size_t context_len);
/* True and *out filled when a result is stored under `key`. */
bool pr_result_cache_get(const pr_result_cache *cache, pr_cache_key key, pr_cached_report *out);
/* Stores a result; false when it could not be written (the run goes on). */
bool pr_result_cache_put(const pr_result_cache *cache, pr_cache_key key, const pr_cached_report *report);
void pr_cached_report_free(pr_cached_report *report);

/* Keeps the folder under max_bytes: when it is larger, deletes the results
 * least recently used (by modification time; a hit renews it) until it is
 * under three quarters of that. Results used since `keep_since` are kept. */
void pr_result_cache_prune(const pr_result_cache *cache, uint64_t max_bytes, time_t keep_since);

#endif
