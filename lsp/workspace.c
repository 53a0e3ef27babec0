/* workspace.c - workspace folders and workspace/diagnostic reports; see workspace.h. */
#define _GNU_SOURCE
#include "workspace.h"

#include "document.h"
#include "engine.h"
#include "parse.h"
#include "source.h"
#include "testcode.h"
#include "walkdir.h"
#include "settings.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool pr_workspace__change(pr_workspace_folders *f, char *path, bool remove) {
  size_t n = strlen(path);
  while (n > 1 && path[n - 1] == '/') path[--n] = 0;
  for (uint32_t i = 0; i < f->count; i++) {
    if (strcmp(f->paths[i], path)) continue;
    if (remove) {
      free(f->paths[i]);
      memmove(&f->paths[i], &f->paths[i + 1], (f->count - i - 1) * sizeof *f->paths);
      f->count--;
    }
    free(path);
    return true;
  }
  if (remove) { free(path); return true; }
  if (f->count == f->cap) {
    uint32_t cap = f->cap ? f->cap * 2 : 4;
    char **p = realloc(f->paths, cap * sizeof *p);
    if (!p) { free(path); return false; }
    f->paths = p;
    f->cap = cap;
  }
  f->paths[f->count++] = path;
  return true;
}

bool pr_workspace_folders_update(pr_workspace_folders *f, const char *uri, bool remove) {
  char *path = pr_protocol_uri_to_path(uri);
  return path && pr_workspace__change(f, path, remove);
}

bool pr_workspace_folders_add_path(pr_workspace_folders *f, const char *path) {
  char *copy = path[0] == '/' ? strdup(path) : NULL;
  return copy && pr_workspace__change(f, copy, false);
}

bool pr_workspace_folders_copy(const pr_workspace_folders *f, pr_workspace_folders *out) {
  memset(out, 0, sizeof *out);
  if (!f->count) return true;
  out->paths = calloc(f->count, sizeof *out->paths);
  if (!out->paths) return false;
  out->cap = f->count;
  for (uint32_t i = 0; i < f->count; i++) {
    out->paths[i] = strdup(f->paths[i]);
    if (!out->paths[i]) { pr_workspace_folders_free(out); return false; }
    out->count++;
  }
  return true;
}

void pr_workspace_folders_free(pr_workspace_folders *f) {
  for (uint32_t i = 0; i < f->count; i++) free(f->paths[i]);
  free(f->paths);
  memset(f, 0, sizeof *f);
}

const char *pr_workspace_folder_of(const pr_workspace_folders *f, const char *path) {
  const char *best = NULL;
  size_t best_len = 0;
  for (uint32_t i = 0; i < f->count; i++) {
    size_t n = strlen(f->paths[i]);
    bool inside = !strcmp(f->paths[i], "/") ? path[0] == '/' : !strncmp(path, f->paths[i], n) && path[n] == '/';
    if (inside && n >= best_len) { best = f->paths[i]; best_len = n; }
  }
  return best;
}

bool pr_workspace_is_test_file(const pr_workspace_folders *f, const char *path) {
  const char *folder = pr_workspace_folder_of(f, path);
  const char *rel;
  if (folder) rel = path + (strcmp(folder, "/") ? strlen(folder) + 1 : 1);
  else rel = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  return pr_is_test_path(rel);
}

static int pr_workspace__by_path(const void *a, const void *b) {
  return strcmp(((const pr_workspace_file *)a)->path, ((const pr_workspace_file *)b)->path);
}

bool pr_workspace_list(const pr_workspace_folders *folders, pr_workspace_files *out, json_t *log) {
  memset(out, 0, sizeof *out);
  pr_file_list list = {0};
  char err[512];
  for (uint32_t i = 0; i < folders->count; i++)
    if (pr_collect_files(folders->paths[i], &list, err, sizeof err) != 0 && log)
      json_array_append_new(log, json_string(err));
  out->items = calloc(list.count ? list.count : 1, sizeof *out->items);
  bool ok = out->items != NULL;
  for (size_t i = 0; ok && i < list.count; i++) {
    pr_workspace_file *w = &out->items[out->count];
    w->path = strdup(list.items[i].path);
    w->uri = w->path ? pr_protocol_path_to_uri(w->path) : NULL;
    if (!w->path || !w->uri) { free(w->path); free(w->uri); ok = false; break; }
    out->count++;
  }
  pr_file_list_free(&list);
  if (!ok) { pr_workspace_files_free(out); return false; }
  qsort(out->items, out->count, sizeof *out->items, pr_workspace__by_path);
  /* nested folders list a file twice */
  uint32_t kept = 0;
  for (uint32_t i = 0; i < out->count; i++) {
    if (kept && !strcmp(out->items[kept - 1].path, out->items[i].path)) {
      free(out->items[i].path);
      free(out->items[i].uri);
      continue;
    }
    out->items[kept++] = out->items[i];
  }
  out->count = kept;
  return true;
}

void pr_workspace_files_free(pr_workspace_files *files) {
  for (uint32_t i = 0; i < files->count; i++) {
    free(files->items[i].path);
    free(files->items[i].uri);
  }
  free(files->items);
  memset(files, 0, sizeof *files);
}

/* FNV-1a over the bytes and whether the file is test code: a report is
 * unchanged when neither is (the rules are the executable's). */
static void pr_workspace__result_id(const char *bytes, size_t n, bool test_file, const pr_doc_settings *settings,
                                    char *out, size_t cap) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)bytes[i]) * 0x100000001b3ull;
  /* and the settings it is reviewed with (its configuration file may change) */
  const unsigned char *p = (const unsigned char *)&settings->selection;
  for (size_t i = 0; i < sizeof settings->selection; i++) h = (h ^ p[i]) * 0x100000001b3ull;
  for (size_t i = 0; i < sizeof settings->severity; i++) h = (h ^ settings->severity[i]) * 0x100000001b3ull;
  const pr_thresholds *t = &settings->thresholds;
  uint32_t v[] = {t->max_statements, t->max_test_statements, t->max_complexity, t->max_parameters, t->max_nesting,
                  (uint32_t)t->type_hints, t->type_hints_varargs};
  for (size_t i = 0; i < sizeof v / sizeof *v; i++) h = (h ^ v[i]) * 0x100000001b3ull;
  snprintf(out, cap, "w%016llx%c", (unsigned long long)h, test_file ? 't' : 'n');
}

json_t *pr_workspace_report(const pr_workspace_folders *folders, const pr_workspace_file *file, const char *previous,
                            const pr_client_caps *caps, pr_config_finder *finder, TSParser *parser, char *err,
                            size_t cap) {
  size_t n = 0;
  char *bytes = NULL;
  if (pr_read_regular_file(file->path, PR_DOCUMENT_MAX_BYTES, &bytes, &n) != 0) {
    snprintf(err, cap, "%s: not reviewed: %s", file->path, strerror(errno));
    return NULL;
  }
  const pr_config *config = finder ? pr_config_find(finder, file->path, NULL) : NULL;
  pr_doc_settings settings;
  char why[256];
  pr_doc_settings_make(config, NULL, file->path, pr_workspace_folder_of(folders, file->path), &settings, why,
                       sizeof why);
  bool test_file = pr_workspace_is_test_file(folders, file->path) || settings.test_by_pattern;
  char result_id[32];
  pr_workspace__result_id(bytes, n, test_file, &settings, result_id, sizeof result_id);
  if (previous && !strcmp(previous, result_id)) {
    free(bytes);
    return json_pack("{s:s,s:s,s:n,s:s}", "kind", "unchanged", "uri", file->uri, "version", "resultId", result_id);
  }
  char *text = NULL;
  uint32_t len = 0;
  pr_source_info info;
  int rc = pr_source_decode(bytes, n, &text, &len, &info);
  free(bytes);
  if (rc != 0) {
    snprintf(err, cap, "%s: not reviewed: too large or out of memory", file->path);
    return NULL;
  }
  pr_document *doc = pr_document_new(parser, text, len, 0);
  free(text);
  if (!doc || !pr_document_tree(doc)) {
    pr_document_delete(doc);
    snprintf(err, cap, "%s: not reviewed: not parsed within %u ms (or out of memory)", file->path,
             pr_parse_time_limit_ms());
    return NULL;
  }
  pr_review review;
  pr_review_options options = {.path = file->path, .test_file = test_file, .lines = pr_document_lines(doc),
                               .selection = &settings.selection, .thresholds = &settings.thresholds,
                               .severity = settings.severity};
  json_t *report = NULL;
  if (pr_review_file(pr_document_text(doc), pr_document_length(doc), pr_document_tree(doc), &options, &review) ==
      PR_REVIEW_OK) {
    json_t *params = pr_protocol_diagnostics_new(file->uri, 0, doc, &review, caps, NULL, NULL);
    json_t *items = params ? json_object_get(params, "diagnostics") : NULL;
    if (items)
      report = json_pack("{s:s,s:s,s:n,s:s,s:O}", "kind", "full", "uri", file->uri, "version", "resultId", result_id,
                         "items", items);
    json_decref(params);
    pr_review_free(&review);
  }
  pr_document_delete(doc);
  if (!report) snprintf(err, cap, "%s: not reviewed: out of memory", file->path);
  return report;
}
