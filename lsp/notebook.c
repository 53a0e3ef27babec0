/* notebook.c - notebook documents reviewed as one module; see notebook.h. */
#include "notebook.h"

#include "engine.h"
#include "parse.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static void pr_notebook__cell_free(pr_notebook_cell *c) {
  free(c->uri);
  pr_document_delete(c->doc);
  memset(c, 0, sizeof *c);
}

void pr_notebook_free(pr_notebook *nb) {
  for (uint32_t i = 0; i < nb->count; i++) pr_notebook__cell_free(&nb->cells[i]);
  free(nb->cells);
  free(nb->uri);
  free(nb->path);
  memset(nb, 0, sizeof *nb);
}

/* The TextDocumentItem of `uri` in an array of them, or NULL. */
static json_t *pr_notebook__item(json_t *items, const char *uri) {
  size_t i;
  json_t *it;
  json_array_foreach(items, i, it) {
    const char *u = json_string_value(json_object_get(it, "uri"));
    if (u && !strcmp(u, uri)) return it;
  }
  return NULL;
}

/* A cell from a NotebookCell and its TextDocumentItem (NULL: an empty text). */
static bool pr_notebook__cell_new(pr_notebook_cell *c, json_t *cell, json_t *item) {
  memset(c, 0, sizeof *c);
  const char *uri = json_string_value(json_object_get(cell, "document"));
  if (!uri) return false;
  const char *lang = json_string_value(json_object_get(item, "languageId"));
  json_t *text = json_object_get(item, "text");
  c->python = json_integer_value(json_object_get(cell, "kind")) == 2 && (!lang || !strcmp(lang, "python"));
  c->uri = strdup(uri);
  c->doc = pr_document_new_unparsed(json_is_string(text) ? json_string_value(text) : "",
                                    json_is_string(text) ? (uint32_t)json_string_length(text) : 0,
                                    json_integer_value(json_object_get(item, "version")));
  if (!c->uri || !c->doc) { pr_notebook__cell_free(c); return false; }
  return true;
}

static bool pr_notebook__reserve(pr_notebook *nb, uint32_t need) {
  if (need <= nb->cap) return true;
  uint32_t cap = nb->cap ? nb->cap : 8;
  while (cap < need) cap *= 2;
  pr_notebook_cell *p = realloc(nb->cells, cap * sizeof *p);
  if (!p) return false;
  nb->cells = p;
  nb->cap = cap;
  return true;
}

bool pr_notebook_open(pr_notebook *nb, json_t *params, const char **error) {
  memset(nb, 0, sizeof *nb);
  json_t *doc = json_object_get(params, "notebookDocument");
  const char *uri = json_string_value(json_object_get(doc, "uri"));
  json_t *cells = json_object_get(doc, "cells"), *items = json_object_get(params, "cellTextDocuments");
  if (!uri || !json_is_array(cells)) { *error = "didOpen needs notebookDocument.uri and .cells"; return false; }
  nb->uri = strdup(uri);
  nb->path = pr_protocol_uri_to_path(uri);
  nb->version = json_integer_value(json_object_get(doc, "version"));
  if (!nb->uri || !pr_notebook__reserve(nb, (uint32_t)json_array_size(cells) + 1)) goto oom;
  size_t i;
  json_t *cell;
  json_array_foreach(cells, i, cell) {
    const char *cu = json_string_value(json_object_get(cell, "document"));
    if (!cu) { *error = "a notebook cell needs a document URI"; pr_notebook_free(nb); return false; }
    if (!pr_notebook__cell_new(&nb->cells[nb->count], cell, pr_notebook__item(items, cu))) goto oom;
    nb->count++;
  }
  return true;
oom:
  *error = "out of memory";
  pr_notebook_free(nb);
  return false;
}

static pr_notebook_cell *pr_notebook__find(pr_notebook *nb, const char *uri) {
  for (uint32_t i = 0; i < nb->count; i++)
    if (!strcmp(nb->cells[i].uri, uri)) return &nb->cells[i];
  return NULL;
}

/* change.cells.structure: cells removed from and inserted into the order;
 * a cell that moves keeps its text (it is removed and inserted, not closed). */
static bool pr_notebook__structure(pr_notebook *nb, json_t *structure, const char **error) {
  json_t *array = json_object_get(structure, "array");
  json_int_t start = json_integer_value(json_object_get(array, "start"));
  json_int_t del = json_integer_value(json_object_get(array, "deleteCount"));
  json_t *cells = json_object_get(array, "cells"), *opened = json_object_get(structure, "didOpen");
  if (!json_is_object(array) || start < 0 || del < 0 || (uint64_t)start + (uint64_t)del > nb->count) {
    *error = "change.cells.structure.array is outside the notebook";
    return false;
  }
  uint32_t s = (uint32_t)start, d = (uint32_t)del, add = (uint32_t)json_array_size(cells);
  pr_notebook_cell *removed = d ? malloc(d * sizeof *removed) : NULL;
  if (d && !removed) { *error = "out of memory"; return false; }
  if (d) memcpy(removed, &nb->cells[s], d * sizeof *removed);
  if (!pr_notebook__reserve(nb, nb->count - d + add + 1)) {
    free(removed);
    *error = "out of memory";
    return false;
  }
  memmove(&nb->cells[s + add], &nb->cells[s + d], (nb->count - s - d) * sizeof *nb->cells);
  nb->count = nb->count - d + add;
  for (uint32_t k = 0; k < add; k++) {
    json_t *cell = json_array_get(cells, k);
    const char *uri = json_string_value(json_object_get(cell, "document"));
    pr_notebook_cell *c = &nb->cells[s + k];
    memset(c, 0, sizeof *c);
    for (uint32_t r = 0; uri && r < d && !c->uri; r++) {
      if (!removed[r].uri || strcmp(removed[r].uri, uri)) continue;
      *c = removed[r];  /* moved */
      memset(&removed[r], 0, sizeof removed[r]);
      c->python = json_integer_value(json_object_get(cell, "kind")) == 2 && c->python;
    }
    if (!c->uri && !pr_notebook__cell_new(c, cell, uri ? pr_notebook__item(opened, uri) : NULL)) {
      /* keep the order consistent: an empty cell stands in */
      c->uri = strdup(uri ? uri : "");
      c->doc = pr_document_new_unparsed("", 0, 0);
    }
  }
  for (uint32_t r = 0; r < d; r++) pr_notebook__cell_free(&removed[r]);
  free(removed);
  return true;
}

bool pr_notebook_change(pr_notebook *nb, json_t *params, pr_unit unit, const char **error) {
  json_t *version = json_object_get(json_object_get(params, "notebookDocument"), "version");
  if (json_is_integer(version)) nb->version = json_integer_value(version);
  json_t *cells = json_object_get(json_object_get(params, "change"), "cells");
  if (!cells) return true;
  json_t *structure = json_object_get(cells, "structure");
  if (structure && !pr_notebook__structure(nb, structure, error)) return false;
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(cells, "data"), i, v) {  /* a cell's kind changed */
    const char *uri = json_string_value(json_object_get(v, "document"));
    pr_notebook_cell *c = uri ? pr_notebook__find(nb, uri) : NULL;
    if (c) c->python = json_integer_value(json_object_get(v, "kind")) == 2;
  }
  json_array_foreach(json_object_get(cells, "textContent"), i, v) {
    /* the same shape as a didChange's params, which protocol.c reads */
    json_t *as = json_pack("{s:O,s:O}", "textDocument", json_object_get(v, "document"), "contentChanges",
                           json_object_get(v, "changes"));
    if (!as) { *error = "out of memory, or a textContent entry without document and changes"; return false; }
    pr_did_change change;
    bool read = pr_protocol_read_did_change(as, &change, error), ok = read;
    pr_notebook_cell *c = ok ? pr_notebook__find(nb, change.uri) : NULL;
    if (ok && !c) { *error = "a textContent entry names a cell that is not in the notebook"; ok = false; }
    uint32_t bad = 0;
    if (ok && pr_document_edit(c->doc, change.changes, change.change_count, unit, change.version, &bad) != PR_DOC_OK) {
      *error = "a cell's text edit has an impossible range (the cell is unchanged)";
      ok = false;
    }
    if (read) free(change.changes);
    json_decref(as);
    if (!ok) return false;
  }
  return true;
}

/* A finding copied into a cell's coordinates: what lies outside the cell
 * (a fix edit, a related location) is dropped. */
static pr_finding *pr_notebook__shift(const pr_finding *f, uint32_t off, uint32_t len) {
  pr_finding *g = calloc(1, sizeof *g);
  if (!g) return NULL;
  *g = *f;
  g->start = f->start - off;
  g->end = (f->end - off > len ? len : f->end - off);
  g->stmt_start = f->stmt_start < off ? 0 : f->stmt_start - off;
  g->stmt_end = f->stmt_end - off > len ? len : f->stmt_end - off;
  g->related = NULL;
  g->related_count = g->related_cap = 0;
  g->edits = NULL;
  g->edit_count = g->edit_cap = 0;
  bool edits_inside = f->edit_count > 0;
  for (uint32_t e = 0; e < f->edit_count; e++)
    edits_inside = edits_inside && f->edits[e].start >= off && f->edits[e].end <= off + len;
  if (edits_inside && (g->edits = calloc(f->edit_count, sizeof *g->edits))) {
    for (uint32_t e = 0; e < f->edit_count; e++) {
      g->edits[e] = f->edits[e];
      g->edits[e].start -= off;
      g->edits[e].end -= off;
    }
    g->edit_count = f->edit_count;
  } else {
    g->fix_message = NULL;
  }
  if (f->related_count && (g->related = calloc(f->related_count, sizeof *g->related))) {
    for (uint32_t r = 0; r < f->related_count; r++) {
      if (f->related[r].start < off || f->related[r].end > off + len) continue;
      g->related[g->related_count] = f->related[r];
      g->related[g->related_count].start -= off;
      g->related[g->related_count].end -= off;
      g->related_count++;
    }
  }
  return g;
}

json_t *pr_notebook_review(const pr_notebook *nb, bool test_file, const pr_doc_settings *settings,
                           const pr_client_caps *caps, TSParser *parser) {
  /* the module: the Python cells in order, each ending in a newline */
  uint32_t *offsets = calloc(nb->count + 1, sizeof *offsets);
  size_t total = 0;
  for (uint32_t i = 0; i < nb->count; i++)
    if (nb->cells[i].python) total += pr_document_length(nb->cells[i].doc) + 1;
  char *text = malloc(total + 1);
  if (!offsets || !text || total > PR_DOCUMENT_MAX_BYTES) { free(offsets); free(text); return NULL; }
  uint32_t len = 0;
  for (uint32_t i = 0; i < nb->count; i++) {
    offsets[i] = len;
    if (!nb->cells[i].python) continue;
    uint32_t n = pr_document_length(nb->cells[i].doc);
    memcpy(text + len, pr_document_text(nb->cells[i].doc), n);
    len += n;
    if (!n || text[len - 1] != '\n') text[len++] = '\n';
  }
  text[len] = 0;
  json_t *out = NULL;
  pr_document *module = pr_document_new(parser, text, len, nb->version);
  free(text);
  pr_review review;
  pr_review_options options = {.path = nb->path ? nb->path : nb->uri, .test_file = test_file,
                               .selection = &settings->selection, .thresholds = &settings->thresholds,
                               .severity = settings->severity};
  if (module) options.lines = pr_document_lines(module);
  if (module && pr_review_file(pr_document_text(module), pr_document_length(module), pr_document_tree(module), &options,
                               &review) == PR_REVIEW_OK) {
    out = json_array();
    for (uint32_t i = 0; out && i < nb->count; i++) {
      const pr_notebook_cell *c = &nb->cells[i];
      if (!c->python) continue;
      uint32_t off = offsets[i], n = pr_document_length(c->doc);
      pr_review view = {0};
      view.findings = calloc(review.count + 1, sizeof *view.findings);
      bool ok = view.findings != NULL;
      for (uint32_t k = 0; ok && k < review.count; k++) {
        const pr_finding *f = review.findings[k];
        /* a finding at the end of a cell (its added newline) is the cell's */
        if (f->start < off || f->start > off + n || (f->start == off + n && n && f->start != f->end)) continue;
        pr_finding *g = pr_notebook__shift(f, off, n);
        if (!g) { ok = false; break; }
        view.findings[view.count++] = g;
      }
      json_t *params = ok ? pr_protocol_diagnostics_new(c->uri, pr_document_version(c->doc), c->doc, &view, caps,
                                                       NULL, NULL)
                          : NULL;
      for (uint32_t k = 0; k < view.count; k++) {
        free(view.findings[k]->edits);
        free(view.findings[k]->related);
        free(view.findings[k]);
      }
      free(view.findings);
      if (!params) { json_decref(out); out = NULL; break; }
      json_array_append_new(out, params);
    }
    pr_review_free(&review);
  }
  pr_document_delete(module);
  free(offsets);
  return out;
}
