/* settings.c - a document's settings in the editor; see settings.h. */
#define _GNU_SOURCE
#include "settings.h"

#include "protocol.h"
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pr_editor_settings {
  pr_config *config;         /* the editor's keys, read as a configuration file */
  char *select, *ignore, *extend_select;  /* the lists as flags (comma-separated), NULL when not given */
  bool given[8];             /* the thresholds and modes the editor sets, in pr_editor__keys order */
  uint64_t digest;
};

/* The keys whose value wins over the file's when the editor gives one. */
static const char *const pr_editor__keys[] = {
  "max-statements", "max-test-statements", "max-complexity", "max-parameters", "max-nesting", "type-hints",
  "type-hints-varargs", NULL,
};

static void pr_editor__string(pr_buf *b, const char *s, size_t n) {
  pr_buf_append(b, "\"", 1);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') pr_buf_printf(b, "\\%c", c);
    else if (c < 0x20 || c == 0x7f) pr_buf_printf(b, "\\u%04x", c);
    else pr_buf_append(b, &s[i], 1);
  }
  pr_buf_append(b, "\"", 1);
}

/* A scalar as TOML; false (and a message) for what TOML settings cannot hold. */
static bool pr_editor__scalar(pr_buf *b, json_t *v) {
  if (json_is_string(v)) pr_editor__string(b, json_string_value(v), json_string_length(v));
  else if (json_is_integer(v)) pr_buf_printf(b, "%lld", (long long)json_integer_value(v));
  else if (json_is_real(v)) pr_buf_printf(b, "%.17g", json_real_value(v));
  else if (json_is_boolean(v)) pr_buf_printf(b, "%s", json_is_true(v) ? "true" : "false");
  else return false;
  return true;
}

static void pr_editor__say(json_t *messages, int line, const char *key, const char *what) {
  if (messages)
    json_array_append_new(messages, json_sprintf("editor settings:%d:1: '%s': %s; left out", line, key, what));
}

/* One key a line, so that the configuration's messages name the key's line. */
static void pr_editor__toml(pr_buf *b, json_t *settings, json_t *messages) {
  const char *key;
  json_t *v;
  int line = 0;
  json_object_foreach(settings, key, v) {
    line++;
    size_t mark = b->len;
    pr_editor__string(b, key, strlen(key));
    pr_buf_append(b, " = ", 3);
    bool ok = true;
    if (json_is_array(v)) {
      pr_buf_append(b, "[", 1);
      size_t i;
      json_t *x;
      json_array_foreach(v, i, x) {
        if (i) pr_buf_append(b, ", ", 2);
        ok = ok && pr_editor__scalar(b, x);
      }
      pr_buf_append(b, "]", 1);
    } else if (json_is_object(v)) {
      pr_buf_append(b, "{", 1);
      const char *k;
      json_t *x;
      bool first = true;
      json_object_foreach(v, k, x) {
        pr_buf_append(b, first ? " " : ", ", first ? 1 : 2);
        first = false;
        pr_editor__string(b, k, strlen(k));
        pr_buf_append(b, " = ", 3);
        ok = ok && pr_editor__scalar(b, x);
      }
      pr_buf_append(b, " }", 2);
    } else if (!json_is_null(v)) {
      ok = pr_editor__scalar(b, v);
    } else {
      ok = false;
    }
    if (!ok) {
      b->len = mark;
      pr_buf_append(b, "\n", 1);  /* the line stays: later keys keep their numbers */
      pr_editor__say(messages, line, key, "not a value a setting can hold");
      continue;
    }
    pr_buf_append(b, "\n", 1);
  }
}

static char *pr_editor__join(const pr_config_list *l) {
  if (!l->set) return NULL;
  pr_buf b = {0};
  for (uint32_t i = 0; i < l->count; i++) pr_buf_printf(&b, "%s%s", i ? "," : "", l->items[i]);
  if (b.oom) { pr_buf_free(&b); return NULL; }
  char *s = strndup(b.data ? b.data : "", b.len);
  pr_buf_free(&b);
  return s;
}

pr_editor_settings *pr_editor_settings_new(json_t *settings, json_t *messages) {
  pr_editor_settings *e = calloc(1, sizeof *e);
  if (!e) return NULL;
  if (!json_is_object(settings) || !json_object_size(settings)) return e;
  pr_buf toml = {0};
  pr_editor__toml(&toml, settings, messages);
  e->config = toml.oom ? NULL : pr_config_parse(toml.data ? toml.data : "", toml.len, "editor settings", "/", false);
  pr_buf_free(&toml);
  if (!e->config) { pr_editor_settings_free(e); return NULL; }
  for (uint32_t m = 0; messages && m < e->config->message_count; m++)
    json_array_append_new(messages, json_string(e->config->messages[m]));
  e->select = pr_editor__join(&e->config->select);
  e->ignore = pr_editor__join(&e->config->ignore);
  e->extend_select = pr_editor__join(&e->config->extend_select);
  /* a threshold or mode counts as given when it has the type it needs */
  for (int k = 0; pr_editor__keys[k]; k++) {
    json_t *v = json_object_get(settings, pr_editor__keys[k]);
    e->given[k] = k < 5 ? json_is_integer(v) && json_integer_value(v) > 0
                : k == 5 ? json_is_string(v)
                         : json_is_boolean(v);
  }
  char *dump = json_dumps(settings, JSON_COMPACT | JSON_SORT_KEYS);
  uint64_t h = 0xcbf29ce484222325ull;
  for (const char *p = dump; p && *p; p++) h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
  e->digest = h;
  pr_json_free(dump);
  return e;
}

void pr_editor_settings_free(pr_editor_settings *e) {
  if (!e) return;
  pr_config_free(e->config);
  free(e->select);
  free(e->ignore);
  free(e->extend_select);
  free(e);
}

uint64_t pr_editor_settings_digest(const pr_editor_settings *e) { return e ? e->digest : 0; }

void pr_doc_settings_make(const pr_config *config, const pr_editor_settings *e, const char *path, const char *folder,
                          pr_doc_settings *out, char *err, size_t cap) {
  memset(out, 0, sizeof *out);
  err[0] = 0;
  const pr_config *ec = e ? e->config : NULL;
  pr_rule_layer layer = {.select = e ? e->select : NULL, .extend_select = e ? e->extend_select : NULL,
                         .ignore = e ? e->ignore : NULL};
  if (pr_config_rules(config, ec ? &layer : NULL, path, &out->selection, err, cap) != 0)
    pr_config_rules(config, NULL, path, &out->selection, NULL, 0);
  out->thresholds = config ? config->thresholds : PR_THRESHOLDS_DEFAULT;
  if (config) memcpy(out->severity, config->severity, sizeof out->severity);
  if (ec) {
    const pr_thresholds *t = &ec->thresholds;
    if (e->given[0]) out->thresholds.max_statements = t->max_statements;
    if (e->given[1]) out->thresholds.max_test_statements = t->max_test_statements;
    if (e->given[2]) out->thresholds.max_complexity = t->max_complexity;
    if (e->given[3]) out->thresholds.max_parameters = t->max_parameters;
    if (e->given[4]) out->thresholds.max_nesting = t->max_nesting;
    if (e->given[5]) out->thresholds.type_hints = t->type_hints;
    if (e->given[6]) out->thresholds.type_hints_varargs = t->type_hints_varargs;
    for (uint32_t r = 0; r < pr_rule_count && r < PR_MAX_RULES; r++) {
      if (ec->severity[r]) out->severity[r] = ec->severity[r];
      if (ec->off[r]) out->selection.enabled[r] = false;
    }
  }
  out->test_by_pattern = path && pr_config_is_test(config, path);
  for (uint32_t i = 0; ec && path && folder && i < ec->test_patterns.count && !out->test_by_pattern; i++)
    out->test_by_pattern = pr_config_glob_matches(ec->test_patterns.items[i], folder, path);
}
