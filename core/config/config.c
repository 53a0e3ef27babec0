/* config.c - configuration files: reading, validating, discovery; see config.h. */
#define _GNU_SOURCE
#include "config.h"

#include "source.h"
#include "incremental.h"
#include "toml.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---------- messages ---------- */

static void pr_config__say(pr_config *c, uint32_t line, uint32_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void pr_config__say(pr_config *c, uint32_t line, uint32_t col, const char *fmt, ...) {
  char reason[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(reason, sizeof reason, fmt, ap);
  va_end(ap);
  /* one line of valid UTF-8 whatever the keys hold ("a\nb" is a valid key) or
     where a long one was cut: control characters and broken sequences become '?' */
  for (size_t i = 0; reason[i];) {
    unsigned char ch = (unsigned char)reason[i];
    size_t n = ch < 0x80 ? 1 : (ch & 0xE0) == 0xC0 ? 2 : (ch & 0xF0) == 0xE0 ? 3 : (ch & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = n > 0 && !(n == 1 && (ch < 0x20 || ch == 0x7F));
    for (size_t k = 1; ok && k < n; k++) ok = ((unsigned char)reason[i + k] & 0xC0) == 0x80;
    if (ok) { i += n; continue; }
    reason[i++] = '?';
  }
  char **m = realloc(c->messages, (c->message_count + 1) * sizeof *m);
  if (!m) return;
  c->messages = m;
  char *text = NULL;
  int n = line ? asprintf(&text, "%s:%u:%u: %s", c->path, line, col, reason) : asprintf(&text, "%s: %s", c->path, reason);
  if (n >= 0) c->messages[c->message_count++] = text;
}

static const char *pr_config__a(pr_toml_type t) {
  return t == PR_TOML_ARRAY || t == PR_TOML_INTEGER ? "an" : "a";
}

/* ---------- values ---------- */

static void pr_config__list_free(pr_config_list *l) {
  for (uint32_t i = 0; i < l->count; i++) free(l->items[i]);
  free(l->items);
  memset(l, 0, sizeof *l);
}

static bool pr_config__list_add(pr_config_list *l, const char *s, size_t n) {
  char **p = realloc(l->items, (l->count + 1) * sizeof *p);
  if (!p) return false;
  l->items = p;
  if (!(l->items[l->count] = strndup(s, n))) return false;
  l->count++;
  return true;
}

/* An array of strings; each string is handed to `accept` (NULL: any), which
 * may refuse it with a message. Wrong types are reported and skipped. */
static void pr_config__strings(pr_config *c, const pr_toml_pair *p, pr_config_list *out,
                               bool (*accept)(pr_config *c, const pr_toml_value *s)) {
  const pr_toml_value *v = p->value;
  if (v->type != PR_TOML_ARRAY) {
    pr_config__say(c, v->line, v->col, "'%s' must be an array of strings, not %s %s", p->key, pr_config__a(v->type),
                   pr_toml_type_name(v->type));
    return;
  }
  out->set = true;
  for (uint32_t i = 0; i < v->count; i++) {
    const pr_toml_value *s = v->items[i];
    if (s->type != PR_TOML_STRING) {
      pr_config__say(c, s->line, s->col, "'%s' must be an array of strings, not hold %s %s", p->key,
                     pr_config__a(s->type), pr_toml_type_name(s->type));
      continue;
    }
    if (accept && !accept(c, s)) continue;
    pr_config__list_add(out, s->str, s->str_len);
  }
}

static bool pr_config__rule_item(pr_config *c, const pr_toml_value *s) {
  if (s->str_len && !memchr(s->str, 0, s->str_len) && pr_item_known(s->str, s->str_len)) return true;
  pr_config__say(c, s->line, s->col, "unknown rule code, name or category '%.*s'", (int)(s->str_len > 60 ? 60 : s->str_len),
                 s->str);
  return false;
}

static bool pr_config__dotted_name(pr_config *c, const pr_toml_value *s) {
  bool ok = s->str_len > 0 && s->str[0] != '.' && s->str[s->str_len - 1] != '.';
  for (uint32_t i = 0; ok && i < s->str_len; i++) {
    unsigned char ch = (unsigned char)s->str[i];
    ok = ch == '.' || ch == '_' || ch >= 0x80 || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
    if (ch == '.' && i + 1 < s->str_len && s->str[i + 1] == '.') ok = false;
  }
  if (!ok)
    pr_config__say(c, s->line, s->col, "'%.*s' is not a dotted call name (like 'mask_password' or 'utils.redact')",
                   (int)(s->str_len > 60 ? 60 : s->str_len), s->str);
  return ok;
}

static bool pr_config__glob(pr_config *c, const pr_toml_value *s) {
  if (s->str_len && !memchr(s->str, 0, s->str_len)) return true;
  pr_config__say(c, s->line, s->col, "an empty glob matches nothing");
  return false;
}

static void pr_config__threshold(pr_config *c, const pr_toml_pair *p, uint32_t *out) {
  const pr_toml_value *v = p->value;
  if (v->type != PR_TOML_INTEGER) {
    pr_config__say(c, v->line, v->col, "'%s' must be an integer, not %s %s", p->key, pr_config__a(v->type),
                   pr_toml_type_name(v->type));
  } else if (v->integer < 1 || v->integer > 100000) {
    pr_config__say(c, v->line, v->col, "'%s' must be between 1 and 100000, not %lld", p->key, (long long)v->integer);
  } else {
    *out = (uint32_t)v->integer;
  }
}

/* Sets `mark[r]` for every rule the item names. */
static void pr_config__mark(const char *item, size_t len, bool *mark, bool value) {
  for (uint32_t r = 0; r < pr_rule_count; r++)
    if (pr_item_matches(item, len, pr_rules[r])) mark[r] = value;
}

static void pr_config__severity(pr_config *c, const pr_toml_pair *p) {
  const pr_toml_value *t = p->value;
  if (t->type != PR_TOML_TABLE) {
    pr_config__say(c, t->line, t->col, "'severity' must be a table of rule -> severity, not %s %s",
                   pr_config__a(t->type), pr_toml_type_name(t->type));
    return;
  }
  static const char *const names[] = {"off", "error", "warning", "information", "hint"};
  /* categories first, then codes and names: the more specific item wins */
  for (int pass = 0; pass < 2; pass++) {
    for (uint32_t i = 0; i < t->count; i++) {
      const pr_toml_pair *e = &t->pairs[i];
      bool exact = pr_rule_lookup(e->key, e->key_len) != NULL;
      if (pass == 0 && !pr_item_known(e->key, e->key_len)) {
        pr_config__say(c, e->line, e->col, "unknown rule code, name or category '%.*s'",
                       (int)(e->key_len > 60 ? 60 : e->key_len), e->key);
        continue;
      }
      if (exact != (pass == 1) || !pr_item_known(e->key, e->key_len)) continue;
      const pr_toml_value *v = e->value;
      int level = -1;
      for (int k = 0; v->type == PR_TOML_STRING && k < 5; k++)
        if (strlen(names[k]) == v->str_len && !strncasecmp(v->str, names[k], v->str_len)) level = k;
      if (v->type == PR_TOML_STRING && v->str_len == 4 && !strncasecmp(v->str, "info", 4)) level = PR_SEV_INFORMATION;
      if (level < 0) {
        if (pass == 1 || !exact) {
          if (v->type == PR_TOML_STRING)
            pr_config__say(c, v->line, v->col, "unknown severity '%.*s' (error, warning, information, hint or off)",
                           (int)(v->str_len > 40 ? 40 : v->str_len), v->str);
          else
            pr_config__say(c, v->line, v->col, "a severity must be a string (error, warning, information, hint or off), "
                           "not %s %s", pr_config__a(v->type), pr_toml_type_name(v->type));
        }
        continue;
      }
      for (uint32_t r = 0; r < pr_rule_count; r++) {
        if (!pr_item_matches(e->key, e->key_len, pr_rules[r])) continue;
        c->off[r] = level == 0;
        c->severity[r] = (uint8_t)(level == 0 ? 0 : level);
      }
    }
  }
}

static void pr_config__per_file_ignores(pr_config *c, const pr_toml_pair *p) {
  const pr_toml_value *t = p->value;
  if (t->type != PR_TOML_TABLE) {
    pr_config__say(c, t->line, t->col, "'per-file-ignores' must be a table of glob -> rules, not %s %s",
                   pr_config__a(t->type), pr_toml_type_name(t->type));
    return;
  }
  for (uint32_t i = 0; i < t->count; i++) {
    const pr_toml_pair *e = &t->pairs[i];
    if (!e->key_len || memchr(e->key, 0, e->key_len)) {
      pr_config__say(c, e->line, e->col, "an empty glob matches nothing");
      continue;
    }
    pr_config_list items = {0};
    pr_toml_pair named = *e;
    named.key = "per-file-ignores";
    pr_config__strings(c, &named, &items, pr_config__rule_item);
    pr_config_pattern *np = realloc(c->per_file_ignores, (c->per_file_ignore_count + 1) * sizeof *np);
    if (np) {
      c->per_file_ignores = np;
      pr_config_pattern *pat = &np[c->per_file_ignore_count];
      memset(pat, 0, sizeof *pat);
      if ((pat->glob = strndup(e->key, e->key_len)) != NULL) {
        for (uint32_t k = 0; k < items.count; k++) pr_config__mark(items.items[k], strlen(items.items[k]), pat->rules, true);
        c->per_file_ignore_count++;
      }
    }
    pr_config__list_free(&items);
  }
}

static void pr_config__settings(pr_config *c, const pr_toml_value *t) {
  for (uint32_t i = 0; i < t->count; i++) {
    const pr_toml_pair *p = &t->pairs[i];
    const pr_toml_value *v = p->value;
    const char *k = p->key;
    if (strlen(k) != p->key_len) k = "";
    if (!strcmp(k, "select")) pr_config__strings(c, p, &c->select, pr_config__rule_item);
    else if (!strcmp(k, "ignore")) pr_config__strings(c, p, &c->ignore, pr_config__rule_item);
    else if (!strcmp(k, "extend-select")) pr_config__strings(c, p, &c->extend_select, pr_config__rule_item);
    else if (!strcmp(k, "per-file-ignores")) pr_config__per_file_ignores(c, p);
    else if (!strcmp(k, "severity")) pr_config__severity(c, p);
    else if (!strcmp(k, "max-statements")) pr_config__threshold(c, p, &c->thresholds.max_statements);
    else if (!strcmp(k, "max-test-statements")) pr_config__threshold(c, p, &c->thresholds.max_test_statements);
    else if (!strcmp(k, "max-complexity")) pr_config__threshold(c, p, &c->thresholds.max_complexity);
    else if (!strcmp(k, "max-parameters")) pr_config__threshold(c, p, &c->thresholds.max_parameters);
    else if (!strcmp(k, "max-nesting")) pr_config__threshold(c, p, &c->thresholds.max_nesting);
    else if (!strcmp(k, "type-hints")) {
      if (v->type == PR_TOML_STRING && !strcmp(v->str, "consistent")) c->thresholds.type_hints = PR_TYPE_HINTS_CONSISTENT;
      else if (v->type == PR_TOML_STRING && !strcmp(v->str, "strict")) c->thresholds.type_hints = PR_TYPE_HINTS_STRICT;
      else if (v->type == PR_TOML_STRING)
        pr_config__say(c, v->line, v->col, "'type-hints' must be \"consistent\" or \"strict\", not \"%.*s\"",
                       (int)(v->str_len > 40 ? 40 : v->str_len), v->str);
      else
        pr_config__say(c, v->line, v->col, "'type-hints' must be \"consistent\" or \"strict\", not %s %s",
                       pr_config__a(v->type), pr_toml_type_name(v->type));
    } else if (!strcmp(k, "type-hints-varargs")) {
      if (v->type == PR_TOML_BOOLEAN) c->thresholds.type_hints_varargs = v->boolean;
      else
        pr_config__say(c, v->line, v->col, "'type-hints-varargs' must be a boolean, not %s %s", pr_config__a(v->type),
                       pr_toml_type_name(v->type));
    } else if (!strcmp(k, "test-patterns")) pr_config__strings(c, p, &c->test_patterns, pr_config__glob);
    else if (!strcmp(k, "exclude")) pr_config__strings(c, p, &c->exclude, pr_config__glob);
    else if (!strcmp(k, "logging-masks")) pr_config__strings(c, p, &c->logging_masks, pr_config__dotted_name);
    else
      pr_config__say(c, p->line, p->col, "unknown key '%.*s'", (int)(p->key_len > 60 ? 60 : p->key_len), p->key);
  }
}

static void pr_config__finish(pr_config *c) {
  c->thresholds.logging_masks_set = c->logging_masks.set;
  c->thresholds.logging_mask_count = c->logging_masks.count;
  c->thresholds.logging_masks = (const char *const *)c->logging_masks.items;
  const pr_thresholds *t = &c->thresholds;
  uint32_t nums[9] = {t->max_statements, t->max_test_statements, t->max_complexity, t->max_parameters,
                      t->max_nesting, t->docstring_statements, t->type_hints, t->type_hints_varargs,
                      t->logging_masks_set ? t->logging_mask_count + 1 : 0};
  uint64_t h = pr_hash_bytes((const char *)nums, sizeof nums, 0xC0F1);
  for (uint32_t i = 0; i < t->logging_mask_count; i++)
    h = pr_hash_bytes(t->logging_masks[i], strlen(t->logging_masks[i]) + 1, h);
  h = pr_hash_bytes((const char *)c->severity, sizeof c->severity, h);
  c->digest = h;
}

pr_config *pr_config_parse(const char *text, size_t len, const char *shown, const char *dir, bool pyproject) {
  pr_config *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  c->thresholds = PR_THRESHOLDS_DEFAULT;
  if (!(c->path = strdup(shown)) || !(c->dir = strdup(dir))) {
    pr_config_free(c);
    return NULL;
  }
  pr_toml_doc doc;
  pr_toml_error err;
  if (pr_toml_parse(text, len, &doc, &err) != 0) {
    pr_config__say(c, err.line, err.col, "%s", err.message);
  } else {
    const pr_toml_value *t = doc.root;
    if (pyproject) {
      const pr_toml_pair *tool = pr_toml_find(doc.root, "tool");
      const pr_toml_pair *p = tool ? pr_toml_find(tool->value, "pyreview") : NULL;
      t = p ? p->value : NULL;
      if (!p) pr_config__say(c, 0, 0, "no [tool.pyreview] table");
      else if (t->type != PR_TOML_TABLE) {
        pr_config__say(c, t->line, t->col, "'tool.pyreview' must be a table, not %s %s", pr_config__a(t->type),
                       pr_toml_type_name(t->type));
        t = NULL;
      }
    }
    if (t) pr_config__settings(c, t);
    pr_toml_free(&doc);
  }
  pr_config__finish(c);
  return c;
}

/* Reads a whole regular file (at most 16 MiB: a configuration, not data). */
static char *pr_config__read(const char *path, size_t *len) {
  char *buf = NULL;
  return pr_read_regular_file(path, (size_t)16 << 20, &buf, len) == 0 ? buf : NULL;
}

/* The absolute folder of `path` (for a folder: itself resolved), or NULL. */
static char *pr_config__abs_dir(const char *path) {
  char *copy = strdup(path);
  if (!copy) return NULL;
  char *slash = strrchr(copy, '/');
  const char *dir = ".";
  if (slash == copy) dir = "/";
  else if (slash) { *slash = 0; dir = copy; }
  char *abs = realpath(dir, NULL);
  free(copy);
  return abs;
}

pr_config *pr_config_load(const char *path, const char *shown, bool pyproject) {
  size_t len = 0;
  char *text = pr_config__read(path, &len);
  int e = errno;
  char *dir = pr_config__abs_dir(path);
  pr_config *c = pr_config_parse(text ? text : "", text ? len : 0, shown, dir ? dir : ".", pyproject && text);
  free(dir);
  free(text);
  if (c && !text) {
    /* replace what an empty document said (nothing, or "no table") */
    for (uint32_t i = 0; i < c->message_count; i++) free(c->messages[i]);
    c->message_count = 0;
    pr_config__say(c, 0, 0, "cannot read it: %s", strerror(e));
  }
  return c;
}

void pr_config_free(pr_config *c) {
  if (!c) return;
  free(c->path);
  free(c->dir);
  pr_config__list_free(&c->select);
  pr_config__list_free(&c->ignore);
  pr_config__list_free(&c->extend_select);
  pr_config__list_free(&c->test_patterns);
  pr_config__list_free(&c->exclude);
  pr_config__list_free(&c->logging_masks);
  for (uint32_t i = 0; i < c->per_file_ignore_count; i++) free(c->per_file_ignores[i].glob);
  free(c->per_file_ignores);
  for (uint32_t i = 0; i < c->message_count; i++) free(c->messages[i]);
  free(c->messages);
  free(c);
}

/* ---------- rules and globs ---------- */

static char *pr_config__relative(const char *dir, const char *path);
static bool pr_config__match(const char *glob, const char *rel);

/* Applies a comma/space separated list of items; -1 with a message for an unknown one. */
static int pr_config__flag_items(const char *list, bool *enabled, bool value, char *err, size_t cap) {
  const char *p = list;
  while (*p) {
    while (*p == ',' || *p == ' ' || *p == '\t') p++;
    const char *s = p;
    while (*p && *p != ',' && *p != ' ' && *p != '\t') p++;
    if (p == s) continue;
    if (!pr_item_known(s, (size_t)(p - s))) {
      snprintf(err, cap, "unknown rule or category '%.*s'", (int)(p - s), s);
      return -1;
    }
    pr_config__mark(s, (size_t)(p - s), enabled, value);
  }
  return 0;
}

static void pr_config__items(const pr_config_list *l, bool *enabled, bool value) {
  for (uint32_t i = 0; i < l->count; i++) pr_config__mark(l->items[i], strlen(l->items[i]), enabled, value);
}

int pr_config_rules(const pr_config *c, const pr_rule_layer *flags, const char *path, pr_selection *out, char *err,
                    size_t cap) {
  pr_selection_all(out);
  bool *on = out->enabled;
  if (c) {
    if (c->select.set) {
      memset(on, 0, sizeof out->enabled);
      pr_config__items(&c->select, on, true);
    }
    pr_config__items(&c->extend_select, on, true);
    pr_config__items(&c->ignore, on, false);
    for (uint32_t r = 0; r < pr_rule_count; r++)
      if (c->off[r]) on[r] = false;
  }
  if (flags) {
    if (flags->select) {
      memset(on, 0, sizeof out->enabled);
      if (pr_config__flag_items(flags->select, on, true, err, cap) != 0) return -1;
    }
    if (flags->extend_select && pr_config__flag_items(flags->extend_select, on, true, err, cap) != 0) return -1;
    /* a file layer without select carries its ignores over a --select (as Ruff) */
    if (flags->select && c && !c->select.set) {
      pr_config__items(&c->ignore, on, false);
      for (uint32_t r = 0; r < pr_rule_count; r++)
        if (c->off[r]) on[r] = false;
    }
    if (flags->ignore && pr_config__flag_items(flags->ignore, on, false, err, cap) != 0) return -1;
  }
  if (c && path && c->per_file_ignore_count) {
    char *rel = pr_config__relative(c->dir, path);
    for (uint32_t i = 0; rel && i < c->per_file_ignore_count; i++) {
      if (!pr_config__match(c->per_file_ignores[i].glob, rel)) continue;
      for (uint32_t r = 0; r < pr_rule_count; r++)
        if (c->per_file_ignores[i].rules[r]) on[r] = false;
    }
    free(rel);
  }
  return 0;
}

/* The file's path below `dir` (its absolute folder + its name, dir's prefix
 * removed; absolute when it is not below dir), malloc'd, or NULL. */
static char *pr_config__relative(const char *dir, const char *path) {
  char *fdir = pr_config__abs_dir(path);
  const char *name = strrchr(path, '/');
  name = name ? name + 1 : path;
  char *full = NULL;
  if (!fdir || asprintf(&full, "%s/%s", strcmp(fdir, "/") ? fdir : "", name) < 0) full = NULL;
  free(fdir);
  if (!full) return NULL;
  size_t dn = strlen(dir);
  const char *rel = full;
  if (!strcmp(dir, "/")) rel = full + 1;
  else if (!strncmp(full, dir, dn) && full[dn] == '/') rel = full + dn + 1;
  memmove(full, rel, strlen(rel) + 1);
  return full;
}

static bool pr_config__match(const char *glob, const char *rel) {
  const char *name = strrchr(rel, '/');
  name = name ? name + 1 : rel;
  while (!strncmp(glob, "./", 2)) glob += 2;
  if (fnmatch(glob, rel, 0) == 0) return true;
  if (!strchr(glob, '/') && fnmatch(glob, name, 0) == 0) return true;
  /* a glob naming a folder (`tests`, `tests/`) matches the files below it */
  size_t gl = strlen(glob);
  char *g = strndup(glob, gl && glob[gl - 1] == '/' ? gl - 1 : gl);
  char *prefix = strdup(rel);
  bool match = false;
  for (char *s = prefix ? strrchr(prefix, '/') : NULL; g && s && !match; s = strrchr(prefix, '/')) {
    *s = 0;
    match = fnmatch(g, prefix, 0) == 0;
  }
  free(g);
  free(prefix);
  return match;
}

bool pr_config_glob_matches(const char *glob, const char *dir, const char *path) {
  char *rel = pr_config__relative(dir, path);
  bool match = rel && pr_config__match(glob, rel);
  free(rel);
  return match;
}

bool pr_config_is_test(const pr_config *c, const char *path) {
  if (!c || !c->test_patterns.count) return false;
  char *rel = pr_config__relative(c->dir, path);
  bool match = false;
  for (uint32_t i = 0; rel && i < c->test_patterns.count && !match; i++)
    match = pr_config__match(c->test_patterns.items[i], rel);
  free(rel);
  return match;
}

/* ---------- discovery ---------- */

typedef struct pr_config_slot {
  char *dir;                 /* absolute folder; NULL: empty slot */
  pr_config *config;         /* its configuration (owned by the finder's list), or NULL: none */
} pr_config_slot;

struct pr_config_finder {
  pr_config_slot *slots;
  uint32_t cap, count;
  pr_config **configs;       /* every config read */
  uint32_t config_count;
  char *cwd;                 /* to show paths below it relative to it */
  char *last_given;          /* the last file's folder as given, and its answer */
  const pr_config *last_config;
};

pr_config_finder *pr_config_finder_new(void) {
  pr_config_finder *f = calloc(1, sizeof *f);
  if (!f) return NULL;
  f->cwd = getcwd(NULL, 0);
  return f;
}

void pr_config_finder_free(pr_config_finder *f) {
  if (!f) return;
  for (uint32_t i = 0; i < f->cap; i++) free(f->slots[i].dir);
  free(f->slots);
  for (uint32_t i = 0; i < f->config_count; i++) pr_config_free(f->configs[i]);
  free(f->configs);
  free(f->cwd);
  free(f->last_given);
  free(f);
}

static pr_config_slot *pr_config__slot(pr_config_finder *f, const char *dir) {
  if (!f->cap) return NULL;
  uint64_t h = pr_hash_bytes(dir, strlen(dir), 7);
  for (uint32_t i = (uint32_t)h & (f->cap - 1);; i = (i + 1) & (f->cap - 1)) {
    if (!f->slots[i].dir || !strcmp(f->slots[i].dir, dir)) return &f->slots[i];
  }
}

static bool pr_config__remember(pr_config_finder *f, const char *dir, pr_config *config) {
  if ((f->count + 1) * 2 > f->cap) {
    uint32_t ncap = f->cap ? f->cap * 2 : 64;
    pr_config_slot *old = f->slots;
    uint32_t ocap = f->cap;
    f->slots = calloc(ncap, sizeof *f->slots);
    if (!f->slots) { f->slots = old; return false; }
    f->cap = ncap;
    for (uint32_t i = 0; i < ocap; i++)
      if (old[i].dir) *pr_config__slot(f, old[i].dir) = old[i];
    free(old);
  }
  pr_config_slot *s = pr_config__slot(f, dir);
  if (s->dir) return true;
  if (!(s->dir = strdup(dir))) return false;
  s->config = config;
  f->count++;
  return true;
}

/* `abs` shown relative to the current folder when below it. */
static const char *pr_config__shown(const pr_config_finder *f, const char *abs) {
  size_t n = f->cwd ? strlen(f->cwd) : 0;
  if (n > 1 && !strncmp(abs, f->cwd, n) && abs[n] == '/') return abs + n + 1;
  if (n == 1 && abs[0] == '/') return abs + 1;
  return abs;
}

/* The configuration file directly in `dir`, read, or NULL when there is none. */
static pr_config *pr_config__in(pr_config_finder *f, const char *dir, bool *fresh) {
  static const char *const names[] = {"pyreview.toml", "pyproject.toml"};
  for (int k = 0; k < 2; k++) {
    char *path = NULL;
    if (asprintf(&path, "%s/%s", strcmp(dir, "/") ? dir : "", names[k]) < 0) return NULL;
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) { free(path); continue; }
    pr_config *c = NULL;
    if (k == 1) {
      /* a pyproject.toml counts only with its [tool.pyreview] table */
      size_t len = 0;
      char *text = pr_config__read(path, &len);
      bool has = text && strstr(text, "pyreview") != NULL;
      if (has) {
        pr_toml_doc doc;
        pr_toml_error err;
        if (pr_toml_parse(text, len, &doc, &err) == 0) {
          const pr_toml_pair *tool = pr_toml_find(doc.root, "tool");
          has = tool && pr_toml_find(tool->value, "pyreview");
          pr_toml_free(&doc);
        }
        /* a malformed pyproject.toml mentioning pyreview: report it rather than skip it */
      }
      if (has) c = pr_config_parse(text, len, pr_config__shown(f, path), dir, true);
      free(text);
      if (!has) { free(path); continue; }
    } else {
      c = pr_config_load(path, pr_config__shown(f, path), false);
    }
    free(path);
    if (!c) return NULL;
    pr_config **list = realloc(f->configs, (f->config_count + 1) * sizeof *list);
    if (!list) { pr_config_free(c); return NULL; }
    f->configs = list;
    f->configs[f->config_count++] = c;
    if (fresh) *fresh = true;
    return c;
  }
  return NULL;
}

const pr_config *pr_config_find(pr_config_finder *f, const char *path, bool *fresh) {
  if (fresh) *fresh = false;
  const char *slash = strrchr(path, '/');
  size_t dl = slash ? (size_t)(slash - path) : 0;
  if (f->last_given && strlen(f->last_given) == dl && !strncmp(f->last_given, path, dl)) return f->last_config;
  char *abs = pr_config__abs_dir(path);
  if (!abs) return NULL;
  /* upward until a folder already answered or holding a configuration */
  char *d = strdup(abs);
  const pr_config *found = NULL;
  while (d) {
    pr_config_slot *s = pr_config__slot(f, d);
    if (s && s->dir) { found = s->config; break; }
    pr_config *c = pr_config__in(f, d, fresh);
    if (c) { found = c; pr_config__remember(f, d, c); break; }
    if (!strcmp(d, "/")) break;
    char *up = strrchr(d, '/');
    if (up == d) up[1] = 0;
    else *up = 0;
  }
  /* every folder from the file's up to there has that answer */
  char *e = strdup(abs);
  while (e && d) {
    if (!strcmp(e, d)) break;
    pr_config__remember(f, e, (pr_config *)found);
    if (!strcmp(e, "/")) break;
    char *up = strrchr(e, '/');
    if (up == e) up[1] = 0;
    else *up = 0;
  }
  if (!d) found = NULL;
  if (d && !found) pr_config__remember(f, d, NULL);
  free(e);
  free(d);
  free(abs);
  free(f->last_given);
  f->last_given = strndup(path, dl);
  f->last_config = found;
  return found;
}
