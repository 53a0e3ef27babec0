/* main.c - the `pyreview` command: serve, check, rules, explain.
 *
 * Everything here is argument handling, file I/O, output and exit codes
 * (0: nothing at or above --fail-on, 1: findings, 2: usage, configuration or
 * I/O error); reviewing is core's, serving is lsp's. */
#define _GNU_SOURCE
#include "baseline.h"
#include "config.h"
#include "document.h"
#include "engine.h"
#include "fixes.h"
#include "parse.h"
#include "report.h"
#include "resultcache.h"
#include "ruleset.h"
#include "server.h"
#include "source.h"
#include "syntax.h"
#include "testcode.h"
#include "tsarena.h"
#include "walkdir.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <malloc.h>
#include <pthread.h>
#include <time.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define PR_VERSION "0.1.0"

static const char pr_usage[] =
  "usage: pyreview <command> [options]\n"
  "\n"
  "commands:\n"
  "  serve [--stdio]              run the language server on stdin/stdout\n"
  "  check [options] PATH...      review Python files and folders\n"
  "      --format FORMAT          text (default), json, sarif, github or review\n"
  "      --color auto|always|never  text on a terminal: source lines, carets and colours\n"
  "                               (auto: when stdout is a terminal and NO_COLOR is unset)\n"
  "      --statistics             print the number of findings per rule instead\n"
  "      --output-file FILE       write the report to FILE instead of stdout\n"
  "      --quiet                  no summary line on stderr (errors are still printed)\n"
  "      --baseline FILE          do not report the findings recorded in FILE\n"
  "      --write-baseline FILE    record every current finding in FILE (and report none)\n"
  "      --select ITEMS           only these rules (codes, names or prefixes, comma-separated)\n"
  "      --extend-select ITEMS    these rules as well\n"
  "      --ignore ITEMS           not these rules (the flags override the configuration's keys)\n"
  "      --config FILE            read the settings from FILE for every file (default: the closest\n"
  "                               pyreview.toml, or pyproject.toml with [tool.pyreview], upward)\n"
  "      --no-config              read no configuration file\n"
  "      --strict-config          exit 2 on any configuration error (default: warn, use the defaults)\n"
  "      --fail-on SEVERITY       exit 1 for findings at or above error|warning|information|hint\n"
  "                               (default warning)\n"
  "      --exit-zero              exit 0 even when there are findings\n"
  "      --jobs N                 review N files at a time (default: number of CPUs)\n"
  "      --fix                    apply the rules' fixes to the files, then report what is left\n"
  "      --diff                   print the fixes as a unified diff instead of applying them\n"
  "      --no-cache               review every file, without reading or writing the result cache\n"
  "      --cache-dir DIR          the result cache's folder (default: $PYREVIEW_CACHE_DIR, else\n"
  "                               .pyreview_cache in the current folder)\n"
  "      --no-respect-gitignore   also review what .gitignore files ignore in folders\n"
  "  rules [--format text|json]   list every rule\n"
  "  explain CODE|NAME            print a rule's documentation\n"
  "  version                      print the version\n";

static int pr_usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "pyreview: error: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n\n%s", pr_usage);
  return 2;
}

/* ---------------- check ---------------- */

typedef struct pr_file_job {
  const pr_file_entry *entry;
  const pr_config *config;  /* its configuration, or NULL */
  pr_selection selection;   /* its rules: configuration, flags, per-file-ignores */
  bool test_file;           /* a test file by name or by the configuration's test-patterns */
  pr_buf out;              /* this file's report */
  pr_buf err;              /* this file's messages for stderr */
  uint32_t counts[5];      /* findings per severity (index = pr_severity); [0]: taken out by the baseline */
  uint32_t fixed;          /* fixes applied (--fix) or shown (--diff) */
  bool io_error;
  pr_baseline keys;        /* --write-baseline: this file's findings */
} pr_file_job;

typedef struct pr_check {
  pr_file_job *jobs;
  size_t count;
  size_t *order;           /* the jobs in the order workers take them (largest file first), or NULL: as listed */
  atomic_size_t next;
  pr_report_options report;
  const pr_baseline *baseline;  /* --baseline, or NULL */
  bool write_baseline;     /* --write-baseline: collect every finding's key */
  bool fix, diff;          /* --fix: rewrite files with their fixes; --diff: print them instead */
  pr_result_cache cache;   /* dir NULL: --no-cache, or the folder could not be used */
} pr_check;

/* Reads a whole regular file (a path that became a FIFO or device since the
 * folder walk is an error, not a hang). */
static int pr_read_file(const char *path, char **data, size_t *len) {
  return pr_read_regular_file(path, (size_t)1 << 32, data, len);
}

/* Writes a whole file (created or truncated). */
static int pr_write_file(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  size_t w = fwrite(data, 1, len, f);
  int bad = w != len || fflush(f) != 0 || ferror(f);
  int saved = errno;
  if (fclose(f) != 0 && !bad) return -1;
  if (bad) { errno = saved ? saved : EIO; return -1; }
  return 0;
}

/* Writes `data` to `path` atomically (a temporary file beside it, renamed
 * over it), unless the file no longer holds `expect`. */
static int pr_write_back(const char *path, const char *expect, size_t expect_len, const char *data, size_t len) {
  char *now = NULL;
  size_t now_len = 0;
  if (pr_read_file(path, &now, &now_len) != 0) return -1;
  bool same = now_len == expect_len && !memcmp(now, expect, expect_len);
  free(now);
  if (!same) { errno = EAGAIN; return -1; }
  struct stat st;
  if (stat(path, &st) != 0) return -1;
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.pyreview-fix.%ld", path, (long)getpid());
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, st.st_mode & 07777);
  if (fd < 0) return -1;
  size_t off = 0;
  while (off < len) {
    ssize_t w = write(fd, data + off, len - off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) { close(fd); unlink(tmp); return -1; }
    off += (size_t)w;
  }
  if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) { unlink(tmp); return -1; }
  return 0;
}

/* --fix and --diff for one file: *text becomes the fixed text (--fix) so that
 * the report shows what is left. False when the file is done with. */
static bool pr_check_fix(pr_check *check, pr_file_job *job, TSParser *parser, const char *raw, size_t raw_len,
                         char **text, uint32_t *len, bool test_file) {
  const char *path = job->entry->path;
  pr_review_options options = {.path = path, .test_file = test_file, .selection = &job->selection,
                               .thresholds = job->config ? &job->config->thresholds : NULL,
                               .severity = job->config ? job->config->severity : NULL};
  uint32_t fixed_len, applied;
  char *fixed = pr_fix_all(parser, *text, *len, &options, &fixed_len, &applied);
  if (!fixed) return true;
  if (raw_len != *len || memcmp(raw, *text, raw_len) != 0) {
    pr_buf_printf(&job->err, "pyreview: warning: %s: not fixed: it is not read as it is stored (its encoding)\n",
                  path);
    free(fixed);
    return true;
  }
  if (check->diff) {
    char *d = pr_unified_diff(strncmp(path, "./", 2) ? path : path + 2, *text, *len, fixed, fixed_len);
    if (d) pr_buf_append(&job->out, d, strlen(d));
    free(d);
    free(fixed);
    job->fixed = applied;
    return false;
  }
  if (pr_write_back(path, raw, raw_len, fixed, fixed_len) != 0) {
    pr_buf_printf(&job->err, "pyreview: error: %s: not fixed: %s\n", path,
                  errno == EAGAIN ? "it changed while being reviewed" : strerror(errno));
    job->io_error = true;
    free(fixed);
    return true;
  }
  job->fixed = applied;
  free(*text);
  *text = fixed;
  *len = fixed_len;
  return true;
}

/* Everything besides the file's bytes that its report depends on. */
static size_t pr_check_context(const pr_check *check, const pr_file_job *job, bool test_file, char *buf, size_t cap) {
  /* the configuration's settings by their digest; the rules it selects are spelled out */
  unsigned long long baseline = check->baseline ? pr_baseline_digest(check->baseline, job->entry->path) : 0;
  size_t n = (size_t)snprintf(buf, cap, "%s%c%d%c%llx%c%s%c%d%c%016llx%c", pr_report_format_name(check->report.format),
                              0, check->report.terminal, 0, baseline, 0, job->entry->path, 0, test_file, 0,
                              job->config ? (unsigned long long)job->config->digest : 0ULL, 0);
  for (uint32_t r = 0; r < pr_rule_count && n < cap; r++) buf[n++] = job->selection.enabled[r] ? '1' : '0';
  return n < cap ? n : cap;
}

/* Renders a reviewed file's findings, less those the baseline accepts, or
 * records their keys for --write-baseline. */
static void pr_check_report(pr_check *check, pr_file_job *job, const char *text, uint32_t len,
                            const pr_line_index *lines, const pr_review *review) {
  pr_review shown = *review;
  pr_finding **kept = NULL;
  if (check->baseline && review->count) {
    bool *suppressed = calloc(review->count, sizeof *suppressed);
    kept = calloc(review->count, sizeof *kept);
    if (!suppressed || !kept) {
      pr_buf_printf(&job->err, "pyreview: error: %s: out of memory\n", job->entry->path);
      job->io_error = true;
      free(suppressed);
      free(kept);
      return;
    }
    job->counts[0] = pr_baseline_apply(check->baseline, job->entry->path, text, len, lines, review->findings,
                                       review->count, suppressed);
    shown.count = 0;
    for (uint32_t i = 0; i < review->count; i++)
      if (!suppressed[i]) kept[shown.count++] = review->findings[i];
    shown.findings = kept;
    free(suppressed);
  }
  for (uint32_t i = 0; i < shown.count; i++) {
    const pr_finding *f = shown.findings[i];
    job->counts[f->severity]++;
    if (check->write_baseline &&
        !pr_baseline_add(&job->keys, job->entry->path, f->rule->code,
                         pr_baseline_fingerprint(text, len, lines, f->start, f->end))) {
      pr_buf_printf(&job->err, "pyreview: error: %s: out of memory\n", job->entry->path);
      job->io_error = true;
    }
  }
  if (!check->write_baseline) {
    pr_position_memo memo = {0};
    pr_reviewed_file rf = {job->entry->path, text, len, lines, &shown, &memo};
    pr_report_file(&job->out, &check->report, &rf);
  }
  free(kept);
}

static void pr_check_file(pr_check *check, pr_file_job *job, TSParser *parser) {
  const char *path = job->entry->path;
  char *raw = NULL, *text = NULL;
  size_t raw_len = 0;
  uint32_t len = 0;
  pr_source_info info;
  if (pr_read_file(path, &raw, &raw_len) != 0) {
    pr_buf_printf(&job->err, "pyreview: error: %s: %s\n", path,
                  errno == EINVAL ? "not a regular file; skipped" : strerror(errno));
    job->io_error = true;
    return;
  }
  bool test_file = job->test_file;
  pr_cache_key key = {0, 0};
  if (check->cache.dir && !check->fix && !check->diff && !check->write_baseline) {
    char context[4096 + PR_MAX_RULES];
    size_t n = pr_check_context(check, job, test_file, context, sizeof context);
    key = pr_result_cache_key(&check->cache, raw, raw_len, context, n);
    pr_cached_report hit;
    if (pr_result_cache_get(&check->cache, key, &hit)) {
      pr_buf_append(&job->out, hit.out, hit.out_len);
      pr_buf_append(&job->err, hit.err, hit.err_len);
      memcpy(job->counts, hit.counts, sizeof job->counts);
      pr_cached_report_free(&hit);
      free(raw);
      return;
    }
  }
  if (pr_source_decode(raw, raw_len, &text, &len, &info) != 0) {
    pr_buf_printf(&job->err, "pyreview: error: %s: file too large or out of memory\n", path);
    job->io_error = true;
    free(raw);
    return;
  }
  /* --fix writes back only files read as they are (UTF-8, nothing replaced),
     and only when they still hold these bytes */
  char *raw_copy = NULL;
  size_t raw_copy_len = 0;
  if (check->fix || check->diff) {
    raw_copy = raw;
    raw_copy_len = raw_len;
  } else {
    free(raw);
  }
  if (info.had_invalid_bytes)
    pr_buf_printf(&job->err, "pyreview: warning: %s: bytes that are not valid %s were read as U+FFFD\n", path,
                  info.coding[0] && !info.unknown_coding ? info.coding : "UTF-8");
  if (info.unknown_coding)
    pr_buf_printf(&job->err, "pyreview: warning: %s: coding '%s' is not supported; read as UTF-8\n", path,
                  info.coding);
  if (check->fix || check->diff) {
    if (!pr_check_fix(check, job, parser, raw_copy, raw_copy_len, &text, &len, test_file)) {
      free(raw_copy);
      free(text);
      return;
    }
  }
  free(raw_copy);
  pr_line_index lines = {0};
  if (!pr_line_index_build(&lines, text, len)) {
    pr_buf_printf(&job->err, "pyreview: error: %s: out of memory\n", path);
    job->io_error = true;
    free(text);
    return;
  }
  TSTree *tree = pr_parse(parser, NULL, text, len, lines.bare_cr != 0);
  if (!tree) {
    pr_buf_printf(&job->err, "pyreview: error: %s: could not parse it within %u ms (or out of memory); not reviewed\n",
                  path, pr_parse_time_limit_ms());
    job->io_error = true;
    pr_line_index_free(&lines);
    free(text);
    return;
  }
  uint32_t deep_row = pr_indent_beyond_scanner(tree, text, len, &lines);
  if (deep_row != UINT32_MAX)
    pr_buf_printf(&job->err,
                  "pyreview: warning: %s:%u: indented more than %d columns, which tree-sitter-python misreads; "
                  "findings may be missing from there on\n",
                  path, deep_row + 1, PR_SCANNER_MAX_INDENT);
  pr_review_options options = {.path = path, .test_file = test_file, .selection = &job->selection, .lines = &lines,
                               .thresholds = job->config ? &job->config->thresholds : NULL,
                               .severity = job->config ? job->config->severity : NULL};
  pr_review review;
  if (pr_review_file(text, len, tree, &options, &review) != PR_REVIEW_OK) {
    pr_buf_printf(&job->err, "pyreview: error: %s: out of memory\n", path);
    job->io_error = true;
  } else {
    pr_check_report(check, job, text, len, &lines, &review);
    pr_review_free(&review);
    if (check->cache.dir && !check->fix && !check->write_baseline && !job->out.oom && !job->err.oom) {
      pr_cached_report r = {.out = job->out.data, .out_len = job->out.len, .err = job->err.data,
                            .err_len = job->err.len};
      memcpy(r.counts, job->counts, sizeof r.counts);
      pr_result_cache_put(&check->cache, key, &r);
    }
  }
  pr_line_index_free(&lines);
  if (!pr_ts_scope_holds_everything()) ts_tree_delete(tree);  /* else the file's scope ends it whole */
  free(text);
}

/* Each file's tree-sitter memory (parser, trees, cursors) comes from this
 * thread's arena and is given back whole after the file (tsarena.h). */
static void *pr_check_worker(void *arg) {
  pr_check *check = arg;
  for (;;) {
    size_t i = atomic_fetch_add(&check->next, 1);
    if (i >= check->count) break;
    if (check->order) i = check->order[i];
    pr_ts_scope_begin();
    TSParser *parser = pr_parser_new();
    if (parser) {
      pr_check_file(check, &check->jobs[i], parser);
      ts_parser_delete(parser);  /* always: a parse cut short keeps the grammar's scanner, from malloc */
    } else {
      pr_buf_printf(&check->jobs[i].err, "pyreview: error: %s: out of memory\n", check->jobs[i].entry->path);
      check->jobs[i].io_error = true;
    }
    pr_ts_scope_end();
  }
  pr_ts_arena_release();
  return NULL;
}

typedef struct pr_sized_job {
  off_t size;
  size_t index;
} pr_sized_job;

static int pr_sized_job_cmp(const void *a, const void *b) {
  const pr_sized_job *x = a, *y = b;
  if (x->size != y->size) return x->size < y->size ? 1 : -1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Workers take files largest first: taken in name order, a large file drawn
 * last kept one thread busy while the others had finished (the longest-first
 * rule bounds that tail by the smallest files). Reports keep the listed order.
 * Returns a malloc'd permutation of 0..count-1 (the caller frees it), or NULL
 * when out of memory (then the listed order). */
static size_t *pr_largest_first(const pr_file_job *jobs, size_t count) {
  pr_sized_job *sized = malloc((count ? count : 1) * sizeof *sized);
  size_t *order = malloc((count ? count : 1) * sizeof *order);
  if (!sized || !order) {
    free(sized);
    free(order);
    return NULL;
  }
  for (size_t i = 0; i < count; i++) {
    struct stat st;
    sized[i].size = stat(jobs[i].entry->path, &st) == 0 ? st.st_size : 0;  /* unreadable: reported when read */
    sized[i].index = i;
  }
  qsort(sized, count, sizeof *sized, pr_sized_job_cmp);
  for (size_t i = 0; i < count; i++) order[i] = sized[i].index;
  free(sized);
  return order;
}

static int pr_entry_cmp(const void *a, const void *b) {
  return strcmp(((const pr_file_entry *)a)->path, ((const pr_file_entry *)b)->path);
}

static int pr_severity_from_name(const char *s) {
  static const char *const names[] = {"", "error", "warning", "information", "hint"};
  for (int i = 1; i <= 4; i++)
    if (!strcasecmp(s, names[i])) return i;
  if (!strcasecmp(s, "info")) return 3;
  return 0;
}

static const char pr_default_cache_dir[] = ".pyreview_cache";

/* A batch run frees each file's review (arrays of a few hundred KB, grown by
 * realloc) and takes the same again for the next file. With glibc's defaults
 * the large ones came from mmap and the top of the heap was trimmed after
 * many files, so their pages were faulted in and zeroed again file after
 * file: over the standard library 8,200 page faults against 5,000 with these
 * settings, and `check --jobs 1` 5% faster (docs/performance.md, 2026-12-07).
 * The peak resident memory grows by about 2 MB. The server keeps glibc's defaults: it gives memory back. */
static void pr_check_tune_malloc(void) {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_TOP_PAD, 4 << 20);
}

static int pr_cmd_check(int argc, char **argv) {
  pr_check_tune_malloc();
  const char *format = "text", *select = NULL, *ignore = NULL, *extend_select = NULL, *cache_dir = pr_default_cache_dir;
  const char *color = "auto", *output_file = NULL, *baseline_file = NULL, *write_baseline = NULL;
  const char *config_file = NULL;
  int jobs = 0, fail_on = PR_SEV_WARNING;
  bool exit_zero = false, no_cache = false, fix = false, diff = false, statistics = false, quiet = false;
  bool no_config = false, strict_config = false;
  pr_walk_options walk = pr_walk_options_default();
  const char **paths = calloc((size_t)argc + 1, sizeof *paths);
  if (!paths) return 2;
  int npaths = 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    const char *val = NULL;
#define PR_OPT(name)                                                                     \
  (!strcmp(a, name) ? (i + 1 < argc ? (val = argv[++i], 1) : -1)                        \
                    : (!strncmp(a, name "=", sizeof name) ? (val = a + sizeof name, 1) : 0))
    int m;
    if ((m = PR_OPT("--format")) != 0) {
      if (m < 0) { free(paths); return pr_usage_error("%s needs a value", a); }
      format = val;
    } else if ((m = PR_OPT("--select")) != 0) {
      if (m < 0) { free(paths); return pr_usage_error("%s needs a value", a); }
      select = val;
    } else if ((m = PR_OPT("--extend-select")) != 0) {
      if (m < 0) { free(paths); return pr_usage_error("%s needs a value", a); }
      extend_select = val;
    } else if ((m = PR_OPT("--config")) != 0) {
      if (m < 0 || !*val) { free(paths); return pr_usage_error("%s needs a file", a); }
      config_file = val;
    } else if (!strcmp(a, "--no-config")) {
      no_config = true;
    } else if (!strcmp(a, "--strict-config")) {
      strict_config = true;
    } else if ((m = PR_OPT("--ignore")) != 0) {
      if (m < 0) { free(paths); return pr_usage_error("%s needs a value", a); }
      ignore = val;
    } else if ((m = PR_OPT("--jobs")) != 0 || (m = PR_OPT("-j")) != 0) {
      if (m < 0) { free(paths); return pr_usage_error("%s needs a value", a); }
      char *end;
      long n = strtol(val, &end, 10);
      if (*end || n < 1 || n > 256) { free(paths); return pr_usage_error("--jobs wants 1..256, not '%s'", val); }
      jobs = (int)n;
    } else if ((m = PR_OPT("--fail-on")) != 0) {
      if (m < 0) { free(paths); return pr_usage_error("%s needs a value", a); }
      fail_on = pr_severity_from_name(val);
      if (!fail_on) { free(paths); return pr_usage_error("unknown severity '%s'", val); }
    } else if ((m = PR_OPT("--color")) != 0) {
      if (m < 0) { free(paths); return pr_usage_error("%s needs a value", a); }
      color = val;
    } else if ((m = PR_OPT("--output-file")) != 0 || (m = PR_OPT("-o")) != 0) {
      if (m < 0 || !*val) { free(paths); return pr_usage_error("%s needs a file", a); }
      output_file = val;
    } else if ((m = PR_OPT("--baseline")) != 0) {
      if (m < 0 || !*val) { free(paths); return pr_usage_error("%s needs a file", a); }
      baseline_file = val;
    } else if ((m = PR_OPT("--write-baseline")) != 0) {
      if (m < 0 || !*val) { free(paths); return pr_usage_error("%s needs a file", a); }
      write_baseline = val;
    } else if (!strcmp(a, "--statistics")) {
      statistics = true;
    } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
      quiet = true;
    } else if (!strcmp(a, "--exit-zero")) {
      exit_zero = true;
    } else if (!strcmp(a, "--no-cache")) {
      no_cache = true;
    } else if (!strcmp(a, "--no-respect-gitignore")) {
      walk.respect_gitignore = false;
    } else if (!strcmp(a, "--fix")) {
      fix = true;
    } else if (!strcmp(a, "--diff")) {
      diff = true;
    } else if ((m = PR_OPT("--cache-dir")) != 0) {
      if (m < 0 || !*val) { free(paths); return pr_usage_error("%s needs a folder", a); }
      cache_dir = val;
    } else if (!strcmp(a, "--")) {
      while (++i < argc) paths[npaths++] = argv[i];
    } else if (a[0] == '-' && a[1]) {
      free(paths);
      return pr_usage_error("unknown option '%s'", a);
    } else {
      paths[npaths++] = a;
    }
#undef PR_OPT
  }
  pr_report_options report = {.format = PR_FORMAT_TEXT, .version = PR_VERSION};
  if (!pr_report_format_parse(format, &report.format)) {
    free(paths);
    return pr_usage_error("unknown format '%s' (text, json, sarif, github or review)", format);
  }
  if (strcmp(color, "auto") && strcmp(color, "always") && strcmp(color, "never")) {
    free(paths);
    return pr_usage_error("--color wants auto, always or never, not '%s'", color);
  }
  if (baseline_file && write_baseline) {
    free(paths);
    return pr_usage_error("%s", "--baseline and --write-baseline exclude each other (write a new one to update it)");
  }
  if (statistics) report.format = PR_FORMAT_STATISTICS;
  /* source lines, carets and colours only for a person at a terminal */
  const char *no_color = getenv("NO_COLOR");
  report.terminal = report.format == PR_FORMAT_TEXT && !diff &&
                    (!strcmp(color, "always") ||
                     (!strcmp(color, "auto") && !output_file && isatty(STDOUT_FILENO) && !(no_color && *no_color)));
  /* wcwidth() for the carets: the widths of a UTF-8 locale, whatever the user's */
  if (report.terminal && !setlocale(LC_CTYPE, "C.UTF-8")) setlocale(LC_CTYPE, "");
  if (!npaths) { free(paths); return pr_usage_error("%s", "check needs at least one PATH"); }
  if (config_file && no_config) { free(paths); return pr_usage_error("%s", "--config and --no-config exclude each other"); }
  pr_rule_layer flags = {.select = select, .extend_select = extend_select, .ignore = ignore};
  pr_selection selection;
  char err[256];
  if (pr_config_rules(NULL, &flags, NULL, &selection, err, sizeof err) != 0) {
    free(paths);
    fprintf(stderr, "pyreview: error: %s\n", err);
    return 2;
  }
  pr_file_list files = {0};
  int status = 0;
  pr_walk_begin();  /* libgit2, once, before the review threads */
  /* a folder's files leave out what their configuration's `exclude` names (a
     file named on the command line is always reviewed); its messages are
     shown later, once, with the settings of each file */
  pr_config_finder *exclude_finder = !config_file && !no_config ? pr_config_finder_new() : NULL;
  const char *config_base = config_file ? strrchr(config_file, '/') : NULL;
  config_base = config_base ? config_base + 1 : config_file;
  pr_config *exclude_config =
      config_file ? pr_config_load(config_file, config_file, !strcmp(config_base, "pyproject.toml")) : NULL;
  for (int i = 0; i < npaths; i++) {
    pr_file_list found = {0};
    if (pr_collect_files_with(paths[i], &walk, &found, err, sizeof err) != 0) {
      fprintf(stderr, "pyreview: error: %s\n", err);
      status = 2;
    }
    struct stat st;
    bool folder = stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode);
    for (size_t k = 0; k < found.count; k++) {
      const pr_config *c = exclude_config ? exclude_config
                           : exclude_finder ? pr_config_find(exclude_finder, found.items[k].path, NULL) : NULL;
      bool excluded = false;
      for (size_t g = 0; folder && c && g < c->exclude.count && !excluded; g++)
        excluded = pr_config_glob_matches(c->exclude.items[g], c->dir, found.items[k].path);
      if (excluded || !pr_file_list_take(&files, &found.items[k])) {
        free(found.items[k].path);
        free(found.items[k].relative);
      }
    }
    free(found.items);
  }
  pr_walk_end();
  free(paths);
  if (files.count) qsort(files.items, files.count, sizeof *files.items, pr_entry_cmp);
  if (fix && diff) {
    pr_file_list_free(&files);
    pr_config_finder_free(exclude_finder);
    pr_config_free(exclude_config);
    return pr_usage_error("%s", "--fix and --diff exclude each other");
  }
  /* a baseline that cannot be read is an error, never an empty baseline */
  pr_baseline baseline = {0};
  if (baseline_file) {
    char *data = NULL;
    size_t data_len = 0;
    char why[256];
    if (pr_read_file(baseline_file, &data, &data_len) != 0) {
      fprintf(stderr, "pyreview: error: %s: cannot read the baseline: %s\n", baseline_file,
              errno == EINVAL ? "not a regular file" : strerror(errno));
      pr_file_list_free(&files);
      pr_config_finder_free(exclude_finder);
      pr_config_free(exclude_config);
      return 2;
    }
    int bad = pr_baseline_parse(data, data_len, &baseline, why, sizeof why);
    free(data);
    if (bad) {
      fprintf(stderr, "pyreview: error: %s: malformed baseline: %s\n", baseline_file, why);
      pr_file_list_free(&files);
      pr_config_finder_free(exclude_finder);
      pr_config_free(exclude_config);
      return 2;
    }
  }
  if (diff) report.format = PR_FORMAT_TEXT;  /* the chunks are the diffs, joined as they are */
  pr_check check = {.count = files.count, .report = report, .fix = fix, .diff = diff,
                    .baseline = baseline_file ? &baseline : NULL, .write_baseline = write_baseline != NULL};
  time_t started_at = time(NULL);
  if (cache_dir == pr_default_cache_dir && getenv("PYREVIEW_CACHE_DIR") && *getenv("PYREVIEW_CACHE_DIR"))
    cache_dir = getenv("PYREVIEW_CACHE_DIR");
  if (!no_cache && !write_baseline && files.count && !pr_result_cache_open(&check.cache, cache_dir, err, sizeof err))
    fprintf(stderr, "pyreview: warning: result cache not used: %s\n", err);
  check.jobs = calloc(files.count ? files.count : 1, sizeof *check.jobs);
  pr_report_chunk *chunks = calloc(files.count ? files.count : 1, sizeof *chunks);
  if (!check.jobs || !chunks) {
    free(check.jobs);
    free(chunks);
    pr_baseline_free(&baseline);
    pr_file_list_free(&files);
    pr_config_finder_free(exclude_finder);
    pr_config_free(exclude_config);
    return 2;
  }
  for (size_t i = 0; i < files.count; i++) check.jobs[i].entry = &files.items[i];
  /* settings per file, found before the workers start; each configuration's
     messages are shown once, when it is first read */
  /* the configurations the folders' walk read for `exclude`: each file is
     read once (its messages are shown once, with the first file it governs) */
  pr_config_finder *finder = exclude_finder;
  pr_config *explicit_config = exclude_config;
  const pr_config **shown = NULL;
  size_t shown_count = 0;
  bool config_errors = false, config_fatal = false;
  const char *level = strict_config ? "error" : "warning";
  if (config_file) {
    if (!explicit_config) config_fatal = true;
    for (uint32_t m = 0; explicit_config && m < explicit_config->message_count; m++) {
      /* a file named on purpose that is unreadable or has no settings is a usage error */
      bool fatal = strstr(explicit_config->messages[m], ": cannot read it: ") ||
                   strstr(explicit_config->messages[m], ": no [tool.pyreview] table");
      fprintf(stderr, "pyreview: %s: %s\n", fatal ? "error" : level, explicit_config->messages[m]);
      config_errors = true;
      if (fatal) config_fatal = true;
    }
  } else if (!no_config) {
    if (!finder) config_fatal = true;
  }
  for (size_t i = 0; i < files.count && !config_fatal; i++) {
    pr_file_job *job = &check.jobs[i];
    job->config = explicit_config ? explicit_config : finder ? pr_config_find(finder, job->entry->path, NULL) : NULL;
    bool fresh = job->config && !explicit_config;
    for (size_t k = 0; fresh && k < shown_count; k++) fresh = shown[k] != job->config;
    if (fresh) {
      const pr_config **grown = realloc(shown, (shown_count + 1) * sizeof *shown);
      if (grown) {
        shown = grown;
        shown[shown_count++] = job->config;
      }
    }
    for (uint32_t m = 0; fresh && m < job->config->message_count; m++) {
      fprintf(stderr, "pyreview: %s: %s\n", level, job->config->messages[m]);
      config_errors = true;
    }
    pr_config_rules(job->config, &flags, job->entry->path, &job->selection, err, sizeof err);
    job->test_file = pr_is_test_path(job->entry->relative) || pr_config_is_test(job->config, job->entry->path);
  }
  if (config_fatal || (strict_config && config_errors)) {
    free(check.jobs);
    free(chunks);
    pr_baseline_free(&baseline);
    pr_file_list_free(&files);
    pr_config_finder_free(finder);
    pr_config_free(explicit_config);
    free(shown);
    if (check.cache.dir) pr_result_cache_close(&check.cache);
    return 2;
  }
  if (jobs == 0) {
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    jobs = cpus > 0 ? (int)cpus : 1;
  }
  if ((size_t)jobs > files.count) jobs = files.count ? (int)files.count : 1;
  size_t *order = jobs > 1 ? pr_largest_first(check.jobs, files.count) : NULL;
  check.order = order;
  pr_syntax_init();  /* before threads: the symbol tables are built once */
  pr_ts_arena_install();
  pthread_t threads[256];
  int started = 0;
  for (int t = 1; t < jobs; t++)
    if (pthread_create(&threads[started], NULL, pr_check_worker, &check) == 0) started++;
  pr_check_worker(&check);
  for (int t = 0; t < started; t++) pthread_join(threads[t], NULL);
  free(order);

  uint32_t counts[5] = {0}, fixed = 0;
  size_t reviewed = 0, fixed_files = 0;  /* files read and reviewed; one that could not be read is not */
  pr_baseline keys = {0};
  bool keys_oom = false;
  for (size_t i = 0; i < files.count; i++) {
    pr_file_job *job = &check.jobs[i];
    if (job->err.len) fwrite(job->err.data, 1, job->err.len, stderr);
    chunks[i] = (pr_report_chunk){job->out.data, job->out.len};
    if (job->io_error || job->out.oom) status = 2;
    else reviewed++;
    for (int s = 0; s <= 4; s++) counts[s] += job->counts[s];
    fixed += job->fixed;
    fixed_files += job->fixed > 0;
    for (size_t k = 0; k < job->keys.count; k++)
      keys_oom |= !pr_baseline_add(&keys, job->keys.items[k].path, job->keys.items[k].code,
                                   job->keys.items[k].fingerprint);
    pr_baseline_free(&job->keys);
  }
  /* the report, joined in path order whatever order the files were reviewed in */
  pr_buf doc = {0};
  if (!write_baseline) pr_report_document(&doc, &check.report, chunks, files.count);
  for (size_t i = 0; i < files.count; i++) {
    pr_buf_free(&check.jobs[i].out);
    pr_buf_free(&check.jobs[i].err);
  }
  free(chunks);
  if (doc.oom) {
    fprintf(stderr, "pyreview: error: out of memory while writing the report\n");
    status = 2;
  }
  FILE *out = stdout;
  if (output_file && !write_baseline && !(out = fopen(output_file, "wb"))) {
    fprintf(stderr, "pyreview: error: %s: cannot write the report: %s\n", output_file, strerror(errno));
    status = 2;
  }
  if (out && doc.len) fwrite(doc.data, 1, doc.len, out);
  if (out && (fflush(out) != 0 || ferror(out))) {
    fprintf(stderr, "pyreview: error: %s: cannot write the report: %s\n", output_file ? output_file : "stdout",
            strerror(errno));
    status = 2;
  }
  if (out && out != stdout) fclose(out);
  pr_buf_free(&doc);
  bool baseline_written = false;
  if (write_baseline) {
    char *bytes = !keys_oom && pr_baseline_finish(&keys) ? pr_baseline_write(&keys) : NULL;
    const char *why = NULL;
    if (!bytes) why = "out of memory";
    else if (pr_write_file(write_baseline, bytes, strlen(bytes)) != 0) why = strerror(errno);
    if (why) {
      fprintf(stderr, "pyreview: error: %s: cannot write the baseline: %s\n", write_baseline, why);
      status = 2;
    }
    baseline_written = !why;
    free(bytes);
  }
  pr_baseline_free(&keys);
  pr_baseline_free(&baseline);
  uint32_t total = counts[1] + counts[2] + counts[3] + counts[4];
  char failed[64] = "", baselined[64] = "";
  if (reviewed < files.count) snprintf(failed, sizeof failed, " (%zu could not be reviewed)", files.count - reviewed);
  if (baseline_file)
    snprintf(baselined, sizeof baselined, "; %u suppressed by the baseline", counts[0]);
  if (check.diff) {
    if (!quiet)
      fprintf(stderr, "pyreview: %u fix%s would change %zu file%s%s\n", fixed, fixed == 1 ? "" : "es", fixed_files,
              fixed_files == 1 ? "" : "s", failed);
    free(check.jobs);
    pr_file_list_free(&files);
    pr_config_finder_free(finder);
    pr_config_free(explicit_config);
    free(shown);
    if (check.cache.dir) pr_result_cache_close(&check.cache);
    return status ? status : exit_zero ? 0 : fixed ? 1 : 0;
  }
  if (check.fix && !quiet)
    fprintf(stderr, "pyreview: %u fix%s applied in %zu file%s\n", fixed, fixed == 1 ? "" : "es", fixed_files,
            fixed_files == 1 ? "" : "s");
  if (quiet) {
    /* nothing: the report (and the exit code) say it all */
  } else if (write_baseline) {
    if (baseline_written)
      fprintf(stderr, "pyreview: baseline %s written: %u finding%s in %zu file%s%s\n", write_baseline, total,
              total == 1 ? "" : "s", reviewed, reviewed == 1 ? "" : "s", failed);
  } else if (total) {
    fprintf(stderr, "pyreview: %u finding%s (%u error, %u warning, %u information, %u hint) in %zu file%s%s%s\n",
            total, total == 1 ? "" : "s", counts[1], counts[2], counts[3], counts[4], reviewed,
            reviewed == 1 ? "" : "s", failed, baselined);
  } else {
    fprintf(stderr, "pyreview: no findings in %zu file%s%s%s\n", reviewed, reviewed == 1 ? "" : "s", failed,
            baselined);
  }
  free(check.jobs);
  pr_file_list_free(&files);
  pr_config_finder_free(finder);
  pr_config_free(explicit_config);
  free(shown);
  if (check.cache.dir) {
    /* bounded: results not used by this run go first, oldest first */
    pr_result_cache_prune(&check.cache, (uint64_t)256 << 20, started_at);
    pr_result_cache_close(&check.cache);
  }
  if (status) return status;
  /* a baseline just written accepts every finding it holds */
  if (exit_zero || write_baseline) return 0;
  for (int s = 1; s <= fail_on; s++)
    if (counts[s]) return 1;
  return 0;
}

/* ---------------- rules, explain ---------------- */

static int pr_cmd_rules(int argc, char **argv) {
  bool json = false;
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--format") && i + 1 < argc) json = !strcmp(argv[++i], "json");
    else if (!strcmp(argv[i], "--format=json")) json = true;
    else if (strcmp(argv[i], "--format=text")) return pr_usage_error("unknown argument '%s'", argv[i]);
  }
  pr_buf b = {0};
  if (json) pr_buf_append(&b, "[", 1);
  for (uint32_t i = 0; i < pr_rule_count; i++) {
    const pr_rule *r = pr_rules[i];
    if (!json) {
      char cwe[16] = "-";
      if (r->cwe) snprintf(cwe, sizeof cwe, "CWE-%d", r->cwe);
      pr_buf_printf(&b, "%-7s %-30s %-12s %-12s %-8s %s\n", r->code, r->name, r->category,
                    pr_severity_name(r->severity), cwe, r->summary);
      continue;
    }
    pr_buf_printf(&b, "%s\n  {\"code\": \"%s\", \"name\": \"%s\", \"category\": \"%s\", \"severity\": \"%s\", ",
                  i ? "," : "", r->code, r->name, r->category, pr_severity_name(r->severity));
    if (r->cwe) pr_buf_printf(&b, "\"cwe\": %d, ", r->cwe);
    else pr_buf_append(&b, "\"cwe\": null, ", 13);
    pr_buf_append(&b, "\"summary\": ", 11);
    pr_buf_json_string(&b, r->summary, strlen(r->summary));
    pr_buf_printf(&b, ", \"tests_only\": %s}", (r->flags & PR_RULE_TESTS_ONLY) ? "true" : "false");
  }
  if (json) pr_buf_append(&b, "\n]\n", 3);
  fwrite(b.data, 1, b.len, stdout);
  pr_buf_free(&b);
  return 0;
}

static int pr_cmd_explain(int argc, char **argv) {
  if (argc != 1) return pr_usage_error("%s", "explain needs exactly one rule code or name");
  const pr_rule *r = pr_rule_lookup(argv[0], strlen(argv[0]));
  if (!r) {
    fprintf(stderr, "pyreview: error: unknown rule '%s' (see `pyreview rules`)\n", argv[0]);
    return 2;
  }
  printf("# %s %s\n\n", r->code, r->name);
  printf("Category: %s. Default severity: %s.", r->category, pr_severity_name(r->severity));
  if (r->cwe) printf(" CWE-%d (https://cwe.mitre.org/data/definitions/%d.html).", r->cwe, r->cwe);
  if (r->flags & PR_RULE_TESTS_ONLY) printf(" Runs in test code only.");
  if (r->flags & PR_RULE_NOT_IN_TESTS) printf(" Off in test code.");
  printf("\n\n%s\n\n%s", r->summary, r->doc);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) { fputs(pr_usage, stderr); return 2; }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "serve")) {
    for (int i = 2; i < argc; i++)
      if (strcmp(argv[i], "--stdio")) return pr_usage_error("serve takes no argument but --stdio, not '%s'", argv[i]);
    return pr_server_main();
  }
  if (!strcmp(cmd, "check")) return pr_cmd_check(argc - 2, argv + 2);
  if (!strcmp(cmd, "rules")) return pr_cmd_rules(argc - 2, argv + 2);
  if (!strcmp(cmd, "explain")) return pr_cmd_explain(argc - 2, argv + 2);
  if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) { puts("pyreview " PR_VERSION); return 0; }
  if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) { fputs(pr_usage, stdout); return 0; }
  return pr_usage_error("unknown command '%s'", cmd);
}
