/* resultcache.c - see resultcache.h. */
#include "resultcache.h"

#include "source.h"
#include "incremental.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PR_CACHE_MAGIC "PYREVIEW-RESULT-1\n"
#define PR_CACHE_END "END\n"

/* Reads a whole file into a malloc'd buffer; false on any error. */
static bool pr_cache__read(const char *path, char **data, size_t *len) {
  return pr_read_regular_file(path, SIZE_MAX, data, len) == 0;
}

static bool pr_cache__write_all(int fd, const void *p, size_t n) {
  const char *c = p;
  while (n) {
    ssize_t w = write(fd, c, n);
    if (w < 0) { if (errno == EINTR) continue; return false; }
    c += w;
    n -= (size_t)w;
  }
  return true;
}

/* Creates `path` with `content` unless it exists. */
static void pr_cache__ensure_file(const char *dir, const char *name, const char *content) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return;
  pr_cache__write_all(fd, content, strlen(content));
  close(fd);
}

/* mkdir -p */
static bool pr_cache__mkdirs(const char *dir) {
  char path[4096];
  size_t n = strlen(dir);
  if (n == 0 || n >= sizeof path) return false;
  memcpy(path, dir, n + 1);
  for (size_t i = 1; i <= n; i++) {
    if (path[i] != '/' && path[i] != 0) continue;
    char c = path[i];
    path[i] = 0;
    if (mkdir(path, 0755) != 0 && errno != EEXIST) return false;
    path[i] = c;
  }
  struct stat st;
  return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

bool pr_result_cache_open(pr_result_cache *c, const char *dir, char *why, size_t why_cap) {
  memset(c, 0, sizeof *c);
  char v1[4096];
  if (snprintf(v1, sizeof v1, "%s/v1", dir) >= (int)sizeof v1) {
    snprintf(why, why_cap, "path too long");
    return false;
  }
  if (!pr_cache__mkdirs(v1)) {
    snprintf(why, why_cap, "cannot create %s: %s", v1, strerror(errno));
    return false;
  }
  /* the executable's own bytes: a rebuilt pyreview never reads an older one's results */
  char *exe;
  size_t exe_len;
  if (!pr_cache__read("/proc/self/exe", &exe, &exe_len)) {
    snprintf(why, why_cap, "cannot read /proc/self/exe to key the cache");
    return false;
  }
  c->program = pr_hash_bytes(exe, exe_len, 0x5052);
  free(exe);
  pr_cache__ensure_file(dir, "CACHEDIR.TAG",
                        "Signature: 8a477f597d28d172789f06886806bc55\n"
                        "# This file is a cache directory tag created by pyreview.\n"
                        "# For information about cache directory tags see https://bford.info/cachedir/\n");
  pr_cache__ensure_file(dir, ".gitignore", "# created by pyreview\n*\n");
  c->dir = strdup(dir);
  if (!c->dir) {
    snprintf(why, why_cap, "out of memory");
    return false;
  }
  return true;
}

void pr_result_cache_close(pr_result_cache *c) {
  free(c->dir);
  c->dir = NULL;
}

pr_cache_key pr_result_cache_key(const pr_result_cache *c, const char *bytes, size_t n, const char *context,
                                 size_t context_len) {
  uint64_t ctx = pr_hash_bytes(context, context_len, c->program);
  return (pr_cache_key){pr_hash_bytes(bytes, n, ctx), pr_hash_bytes(bytes, n, ~ctx * 0x9E3779B97F4A7C15ull)};
}

static void pr_cache__path(const pr_result_cache *c, pr_cache_key k, char *path, size_t cap, bool folder_only) {
  if (folder_only)
    snprintf(path, cap, "%s/v1/%02x", c->dir, (unsigned)(k.a >> 56));
  else
    snprintf(path, cap, "%s/v1/%02x/%016llx%016llx", c->dir, (unsigned)(k.a >> 56), (unsigned long long)k.a,
             (unsigned long long)k.b);
}

bool pr_result_cache_get(const pr_result_cache *c, pr_cache_key k, pr_cached_report *out) {
  memset(out, 0, sizeof *out);
  if (!c->dir) return false;
  char path[4352];
  pr_cache__path(c, k, path, sizeof path, false);
  char *data;
  size_t len;
  if (!pr_cache__read(path, &data, &len)) return false;
  size_t m = sizeof PR_CACHE_MAGIC - 1, e = sizeof PR_CACHE_END - 1;
  uint64_t sizes[2];
  size_t head = m + sizeof out->counts + sizeof sizes;
  if (len < head + e || memcmp(data, PR_CACHE_MAGIC, m) != 0) { free(data); return false; }
  memcpy(out->counts, data + m, sizeof out->counts);
  memcpy(sizes, data + m + sizeof out->counts, sizeof sizes);
  if (sizes[0] > len || sizes[1] > len || head + sizes[0] + sizes[1] + e != len ||
      memcmp(data + len - e, PR_CACHE_END, e) != 0) {
    free(data);
    return false;
  }
  out->out = malloc(sizes[0] + 1);
  out->err = malloc(sizes[1] + 1);
  if (!out->out || !out->err) { free(data); pr_cached_report_free(out); return false; }
  memcpy(out->out, data + head, sizes[0]);
  out->out[sizes[0]] = 0;
  out->out_len = sizes[0];
  memcpy(out->err, data + head + sizes[0], sizes[1]);
  out->err[sizes[1]] = 0;
  out->err_len = sizes[1];
  free(data);
  utimensat(AT_FDCWD, path, NULL, 0);  /* a hit renews it for pruning */
  return true;
}

bool pr_result_cache_put(const pr_result_cache *c, pr_cache_key k, const pr_cached_report *r) {
  if (!c->dir) return false;
  static atomic_uint serial;
  char folder[4352], path[4352], tmp[4480];
  pr_cache__path(c, k, folder, sizeof folder, true);
  pr_cache__path(c, k, path, sizeof path, false);
  if (mkdir(folder, 0755) != 0 && errno != EEXIST) return false;
  snprintf(tmp, sizeof tmp, "%s.tmp.%ld.%u", path, (long)getpid(), atomic_fetch_add(&serial, 1));
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  uint64_t sizes[2] = {r->out_len, r->err_len};
  bool ok = pr_cache__write_all(fd, PR_CACHE_MAGIC, sizeof PR_CACHE_MAGIC - 1) &&
            pr_cache__write_all(fd, r->counts, sizeof r->counts) && pr_cache__write_all(fd, sizes, sizeof sizes) &&
            pr_cache__write_all(fd, r->out ? r->out : "", r->out_len) &&
            pr_cache__write_all(fd, r->err ? r->err : "", r->err_len) &&
            pr_cache__write_all(fd, PR_CACHE_END, sizeof PR_CACHE_END - 1);
  ok = close(fd) == 0 && ok;
  if (!ok || rename(tmp, path) != 0) {
    unlink(tmp);
    return false;
  }
  return true;
}

void pr_cached_report_free(pr_cached_report *r) {
  free(r->out);
  free(r->err);
  memset(r, 0, sizeof *r);
}

typedef struct pr_cache_entry {
  char *path;
  time_t mtime;
  uint64_t size;
} pr_cache_entry;

static int pr_cache__older(const void *a, const void *b) {
  const pr_cache_entry *x = a, *y = b;
  return (x->mtime > y->mtime) - (x->mtime < y->mtime);
}

void pr_result_cache_prune(const pr_result_cache *c, uint64_t max_bytes, time_t keep_since) {
  if (!c->dir) return;
  char v1[4096];
  snprintf(v1, sizeof v1, "%s/v1", c->dir);
  DIR *top = opendir(v1);
  if (!top) return;
  pr_cache_entry *list = NULL;
  size_t count = 0, cap = 0;
  uint64_t total = 0;
  struct dirent *d;
  while ((d = readdir(top))) {
    if (d->d_name[0] == '.') continue;
    char sub[4352];
    snprintf(sub, sizeof sub, "%s/%s", v1, d->d_name);
    DIR *dd = opendir(sub);
    if (!dd) continue;
    struct dirent *f;
    while ((f = readdir(dd))) {
      if (f->d_name[0] == '.') continue;
      char path[4608];
      snprintf(path, sizeof path, "%s/%s", sub, f->d_name);
      struct stat st;
      if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) continue;
      total += (uint64_t)st.st_size;
      if (st.st_mtime >= keep_since) continue;
      if (count == cap) {
        size_t nc = cap ? cap * 2 : 256;
        pr_cache_entry *nl = realloc(list, nc * sizeof *nl);
        if (!nl) break;
        list = nl;
        cap = nc;
      }
      list[count].path = strdup(path);
      if (!list[count].path) break;
      list[count].mtime = st.st_mtime;
      list[count].size = (uint64_t)st.st_size;
      count++;
    }
    closedir(dd);
  }
  closedir(top);
  if (total > max_bytes) {
    qsort(list, count, sizeof *list, pr_cache__older);
    for (size_t i = 0; i < count && total > max_bytes / 4 * 3; i++)
      if (unlink(list[i].path) == 0) total -= list[i].size;
  }
  for (size_t i = 0; i < count; i++) free(list[i].path);
  free(list);
}
