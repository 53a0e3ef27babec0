/* baseline.c - fingerprints, and baseline files parsed and written with
 * jansson; see baseline.h. */
#include "baseline.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PR_FNV_OFFSET 0xcbf29ce484222325ull
#define PR_FNV_PRIME 0x100000001b3ull

static uint64_t pr_fnv(uint64_t h, const void *data, size_t n) {
  const unsigned char *p = data;
  for (size_t i = 0; i < n; i++) {
    h ^= p[i];
    h *= PR_FNV_PRIME;
  }
  return h;
}

static bool pr_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Hashes s[0..n) with every whitespace run as one space and none at either end. */
static uint64_t pr_fnv_collapsed(uint64_t h, const char *s, size_t n) {
  bool pending = false, any = false;
  for (size_t i = 0; i < n; i++) {
    if (pr_blank(s[i])) { pending = any; continue; }
    if (pending) h = pr_fnv(h, " ", 1);
    pending = false;
    any = true;
    h = pr_fnv(h, s + i, 1);
  }
  return h;
}

uint64_t pr_baseline_fingerprint(const char *text, uint32_t len, const pr_line_index *lines, uint32_t start,
                                 uint32_t end) {
  if (end > len) end = len;
  if (start > end) start = end;
  uint64_t h = pr_fnv_collapsed(PR_FNV_OFFSET, text + start, end - start);
  h = pr_fnv(h, "\0", 1);
  uint32_t row = pr_line_index_row(lines, start);
  uint32_t from = lines->starts[row], to = pr_line_index_row_end(lines, text, len, row);
  if (row == 0 && to - from >= 3 && !memcmp(text + from, "\xef\xbb\xbf", 3)) from += 3;
  return pr_fnv_collapsed(h, text + from, to - from);
}

/* The path as keyed: without leading "./". */
static const char *pr_baseline__path(const char *path) {
  while (path[0] == '.' && path[1] == '/') path += 2;
  return path;
}

static int pr_baseline__cmp(const void *a, const void *b) {
  const pr_baseline_entry *x = a, *y = b;
  int c = strcmp(x->path, y->path);
  if (!c) c = strcmp(x->code, y->code);
  if (!c && x->fingerprint != y->fingerprint) c = x->fingerprint < y->fingerprint ? -1 : 1;
  return c;
}

static bool pr_baseline__push(pr_baseline *b, const char *path, const char *code, uint64_t fp, uint32_t count) {
  if (b->count == b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 64;
    pr_baseline_entry *items = realloc(b->items, cap * sizeof *items);
    if (!items) return false;
    b->items = items;
    b->cap = cap;
  }
  pr_baseline_entry *e = &b->items[b->count];
  memset(e, 0, sizeof *e);
  e->path = strdup(pr_baseline__path(path));
  if (!e->path) return false;
  snprintf(e->code, sizeof e->code, "%s", code);
  e->fingerprint = fp;
  e->count = count;
  b->count++;
  return true;
}

bool pr_baseline_add(pr_baseline *b, const char *path, const char *code, uint64_t fingerprint) {
  return pr_baseline__push(b, path, code, fingerprint, 1);
}

bool pr_baseline_finish(pr_baseline *b) {
  if (!b->count) return true;
  qsort(b->items, b->count, sizeof *b->items, pr_baseline__cmp);
  size_t w = 0;
  for (size_t r = 1; r < b->count; r++) {
    if (!pr_baseline__cmp(&b->items[w], &b->items[r])) {
      uint64_t sum = (uint64_t)b->items[w].count + b->items[r].count;
      b->items[w].count = sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum;
      free(b->items[r].path);
    } else {
      b->items[++w] = b->items[r];
    }
  }
  b->count = w + 1;
  return true;
}

void pr_baseline_free(pr_baseline *b) {
  for (size_t i = 0; i < b->count; i++) free(b->items[i].path);
  free(b->items);
  memset(b, 0, sizeof *b);
}

static bool pr_baseline__hex(const char *s, uint64_t *out) {
  uint64_t v = 0;
  if (strlen(s) != 16) return false;
  for (int i = 0; i < 16; i++) {
    char c = s[i];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return false;
    v = v << 4 | (uint64_t)d;
  }
  *out = v;
  return true;
}

static int pr_baseline__fail(pr_baseline *out, json_t *root, char *err, size_t cap, const char *why) {
  snprintf(err, cap, "%s", why);
  json_decref(root);
  pr_baseline_free(out);
  return -1;
}

int pr_baseline_parse(const char *bytes, size_t len, pr_baseline *out, char *err, size_t cap) {
  memset(out, 0, sizeof *out);
  json_error_t jerr;
  json_t *root = json_loadb(bytes, len, JSON_REJECT_DUPLICATES, &jerr);
  if (!root) {
    snprintf(err, cap, "line %d, column %d: not valid JSON: %s", jerr.line, jerr.column, jerr.text);
    return -1;
  }
  json_t *findings = json_object_get(root, "findings"), *version = json_object_get(root, "version");
  if (!json_is_object(root) || !json_is_array(findings))
    return pr_baseline__fail(out, root, err, cap,
                             "not a pyreview baseline (an object with a \"findings\" array, written by --write-baseline)");
  if (!json_is_integer(version) || json_integer_value(version) != 1)
    return pr_baseline__fail(out, root, err, cap, "unsupported baseline version (this pyreview reads \"version\": 1)");
  size_t i;
  json_t *item;
  json_array_foreach(findings, i, item) {
    const char *path = json_string_value(json_object_get(item, "path"));
    const char *code = json_string_value(json_object_get(item, "code"));
    const char *fp = json_string_value(json_object_get(item, "fingerprint"));
    json_t *count = json_object_get(item, "count");
    uint64_t v;
    const char *bad = NULL;
    if (!json_is_object(item)) bad = "not an object";
    else if (!path || !*path) bad = "\"path\" must be a non-empty string";
    else if (!code || !*code || strlen(code) >= sizeof out->items->code) bad = "\"code\" must be a rule code";
    else if (!fp || !pr_baseline__hex(fp, &v)) bad = "\"fingerprint\" must be 16 lowercase hexadecimal digits";
    else if (!json_is_integer(count) || json_integer_value(count) < 1 || json_integer_value(count) > UINT32_MAX)
      bad = "\"count\" must be a positive integer";
    if (bad) {
      char why[160];
      snprintf(why, sizeof why, "findings[%zu]: %s", i, bad);
      return pr_baseline__fail(out, root, err, cap, why);
    }
    if (!pr_baseline__push(out, path, code, v, (uint32_t)json_integer_value(count)))
      return pr_baseline__fail(out, root, err, cap, "out of memory");
  }
  json_decref(root);
  pr_baseline_finish(out);
  return 0;
}

char *pr_baseline_write(const pr_baseline *b) {
  size_t cap = 64, n = 0;
  char *s = malloc(cap);
  if (!s) return NULL;
  n = (size_t)snprintf(s, cap, "{\n  \"version\": 1,\n  \"findings\": [");
  for (size_t i = 0; i < b->count; i++) {
    const pr_baseline_entry *e = &b->items[i];
    char fp[17];
    snprintf(fp, sizeof fp, "%016llx", (unsigned long long)e->fingerprint);
    json_t *o = json_pack("{s:s, s:s, s:s, s:I}", "path", e->path, "code", e->code, "fingerprint", fp, "count",
                          (json_int_t)e->count);
    char *line = o ? json_dumps(o, JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII) : NULL;
    json_decref(o);
    if (!line) { free(s); return NULL; }
    size_t need = n + strlen(line) + 16;
    if (need > cap) {
      while (cap < need) cap *= 2;
      char *t = realloc(s, cap);
      if (!t) { free(line); free(s); return NULL; }
      s = t;
    }
    n += (size_t)snprintf(s + n, cap - n, "%s\n    %s", i ? "," : "", line);
    free(line);
  }
  const char *tail = b->count ? "\n  ]\n}\n" : "]\n}\n";
  if (n + strlen(tail) + 1 > cap) {
    char *t = realloc(s, n + strlen(tail) + 1);
    if (!t) { free(s); return NULL; }
    s = t;
  }
  strcpy(s + n, tail);
  return s;
}

/* The entries of `path`: [*first, *first + return). */
static size_t pr_baseline__range(const pr_baseline *b, const char *path, size_t *first) {
  path = pr_baseline__path(path);
  size_t lo = 0, hi = b->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(b->items[mid].path, path) < 0) lo = mid + 1;
    else hi = mid;
  }
  size_t end = lo;
  while (end < b->count && !strcmp(b->items[end].path, path)) end++;
  *first = lo;
  return end - lo;
}

uint32_t pr_baseline_apply(const pr_baseline *b, const char *path, const char *text, uint32_t len,
                           const pr_line_index *lines, pr_finding *const *findings, uint32_t count,
                           bool *suppressed) {
  size_t first, n = pr_baseline__range(b, path, &first);
  for (uint32_t i = 0; i < count; i++) suppressed[i] = false;
  if (!n) return 0;
  uint32_t *left = malloc(n * sizeof *left);
  if (!left) return 0;
  for (size_t k = 0; k < n; k++) left[k] = b->items[first + k].count;
  uint32_t taken = 0;
  for (uint32_t i = 0; i < count; i++) {
    const pr_finding *f = findings[i];
    uint64_t fp = pr_baseline_fingerprint(text, len, lines, f->start, f->end);
    for (size_t k = 0; k < n; k++) {
      const pr_baseline_entry *e = &b->items[first + k];
      if (e->fingerprint != fp || strcmp(e->code, f->rule->code) || !left[k]) continue;
      left[k]--;
      suppressed[i] = true;
      taken++;
      break;
    }
  }
  free(left);
  return taken;
}

uint64_t pr_baseline_digest(const pr_baseline *b, const char *path) {
  size_t first, n = pr_baseline__range(b, path, &first);
  if (!n) return 0;
  uint64_t h = PR_FNV_OFFSET;
  for (size_t k = 0; k < n; k++) {
    const pr_baseline_entry *e = &b->items[first + k];
    h = pr_fnv(h, e->code, strlen(e->code) + 1);
    h = pr_fnv(h, &e->fingerprint, sizeof e->fingerprint);
    h = pr_fnv(h, &e->count, sizeof e->count);
  }
  return h;
}
