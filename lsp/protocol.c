/* protocol.c - LSP JSON to C values and back; see protocol.h. */
#include "protocol.h"

#include "reportparts.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static json_t *pr_protocol__path(json_t *obj, const char *a, const char *b, const char *c) {
  json_t *v = json_object_get(obj, a);
  if (v && b) v = json_object_get(v, b);
  if (v && c) v = json_object_get(v, c);
  return v;
}

static int pr_protocol__hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* A URI the server can key documents by: a string without NUL characters
 * (jansson keeps them; a URI never holds one unescaped, RFC 3986). */
static const char *pr_protocol__uri(json_t *v) {
  if (!json_is_string(v)) return NULL;
  const char *s = json_string_value(v);
  return strlen(s) == json_string_length(v) ? s : NULL;
}

char *pr_protocol_uri_to_path(const char *uri) {
  if (strncmp(uri, "file://", 7) != 0) return NULL;
  const char *p = uri + 7;
  if (*p != '/') {           /* file://host/path: skip the authority */
    p = strchr(p, '/');
    if (!p) return NULL;
  }
  size_t n = strlen(p);
  char *out = malloc(n + 1);
  if (!out) return NULL;
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '%' && i + 2 < n && pr_protocol__hex(p[i + 1]) >= 0 && pr_protocol__hex(p[i + 2]) >= 0) {
      char c = (char)(pr_protocol__hex(p[i + 1]) * 16 + pr_protocol__hex(p[i + 2]));
      if (c == 0) { free(out); return NULL; }
      out[o++] = c;
      i += 2;
    } else {
      out[o++] = p[i];
    }
  }
  out[o] = 0;
  return out;
}

bool pr_protocol_read_initialize(json_t *params, pr_client_caps *caps, const char **error) {
  memset(caps, 0, sizeof *caps);
  caps->encoding = PR_UNIT_UTF16;
  if (!json_is_object(params)) { *error = "initialize params must be an object"; return false; }
  json_t *encs = pr_protocol__path(params, "capabilities", "general", "positionEncodings");
  bool utf8 = false, utf16 = false, utf32 = false;
  size_t i;
  json_t *e;
  json_array_foreach(encs, i, e) {
    const char *s = json_string_value(e);
    if (!s) continue;
    if (!strcmp(s, "utf-8")) utf8 = true;
    else if (!strcmp(s, "utf-16")) utf16 = true;
    else if (!strcmp(s, "utf-32")) utf32 = true;
  }
  caps->encoding = utf8 ? PR_UNIT_UTF8 : (utf32 && !utf16) ? PR_UNIT_UTF32 : PR_UNIT_UTF16;
  caps->pull_diagnostics = json_is_object(pr_protocol__path(params, "capabilities", "textDocument", "diagnostic"));
  json_array_foreach(pr_protocol__path(pr_protocol__path(params, "capabilities", "textDocument", "codeAction"),
                                       "resolveSupport", "properties", NULL), i, e) {
    if (json_is_string(e) && !strcmp(json_string_value(e), "edit")) caps->resolve_edits = true;
  }
  json_t *ws = pr_protocol__path(params, "capabilities", "workspace", NULL);
  caps->configuration = json_is_true(json_object_get(ws, "configuration"));
  caps->watch_dynamic = json_is_true(pr_protocol__path(ws, "didChangeWatchedFiles", "dynamicRegistration", NULL));
  caps->diagnostic_refresh = json_is_true(pr_protocol__path(ws, "diagnostics", "refreshSupport", NULL));
  json_t *pd = pr_protocol__path(params, "capabilities", "textDocument", "publishDiagnostics");
  caps->related_information = json_is_true(json_object_get(pd, "relatedInformation"));
  caps->code_description = json_is_true(json_object_get(pd, "codeDescriptionSupport"));
  json_array_foreach(pr_protocol__path(pd, "tagSupport", "valueSet", NULL), i, e) {
    if (json_integer_value(e) == 1) caps->tag_unnecessary = true;
    if (json_integer_value(e) == 2) caps->tag_deprecated = true;
  }
  const char *root = NULL;
  json_t *folders = json_object_get(params, "workspaceFolders");
  if (json_array_size(folders)) root = pr_protocol__uri(json_object_get(json_array_get(folders, 0), "uri"));
  if (!root) root = pr_protocol__uri(json_object_get(params, "rootUri"));
  if (root) caps->root_path = pr_protocol_uri_to_path(root);
  if (!caps->root_path) {
    const char *rp = json_string_value(json_object_get(params, "rootPath"));
    if (rp) caps->root_path = strdup(rp);
  }
  return true;
}

char *pr_protocol_path_to_uri(const char *path) {
  char cwd[4096];
  const char *base = "";
  if (path[0] != '/') {
    if (!getcwd(cwd, sizeof cwd)) return NULL;
    base = cwd;
  }
  size_t n = strlen(base) + 1 + strlen(path);
  char *out = malloc(7 + 3 * n + 1);
  if (!out) return NULL;
  size_t o = 0;
  memcpy(out, "file://", 7);
  o = 7;
  static const char hex[] = "0123456789ABCDEF";
  for (int part = 0; part < 2; part++) {
    const char *p = part ? path : base;
    if (part && *base) out[o++] = '/';
    for (; *p; p++) {
      unsigned char c = (unsigned char)*p;
      /* RFC 3986 unreserved characters and the path separator stay as they are */
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
          c == '_' || c == '~' || c == '/') {
        out[o++] = (char)c;
      } else {
        out[o++] = '%';
        out[o++] = hex[c >> 4];
        out[o++] = hex[c & 15];
      }
    }
  }
  out[o] = 0;
  return out;
}

json_t *pr_protocol_initialize_result_new(const pr_client_caps *caps, const char *version) {
  const char *enc = caps->encoding == PR_UNIT_UTF8 ? "utf-8" : caps->encoding == PR_UNIT_UTF32 ? "utf-32" : "utf-16";
  json_t *r = json_pack("{s:{s:s,s:{s:b,s:i},s:{s:[{s:[{s:s}]}]},s:{s:[s,s],s:b},s:b,s:{s:{s:b,s:b}}},s:{s:s,s:s}}",
                        "capabilities", "positionEncoding", enc,
                        "textDocumentSync", "openClose", 1, "change", 2,
                        "notebookDocumentSync", "notebookSelector", "cells", "language", "python",
                        "codeActionProvider", "codeActionKinds", "quickfix", "source.fixAll.pyreview",
                        "resolveProvider", 1,
                        "hoverProvider", 1,
                        "workspace", "workspaceFolders", "supported", 1, "changeNotifications", 1,
                        "serverInfo", "name", "pyreview", "version", version);
  if (r && caps->pull_diagnostics)
    json_object_set_new(json_object_get(r, "capabilities"), "diagnosticProvider",
                        json_pack("{s:s,s:b,s:b}", "identifier", "pyreview", "interFileDependencies", 0,
                                  "workspaceDiagnostics", 1));
  return r;
}

static bool pr_protocol__version(json_t *v, int64_t *out) {
  if (!json_is_integer(v)) return false;
  *out = (int64_t)json_integer_value(v);
  return true;
}

bool pr_protocol_read_did_open(json_t *params, pr_text_document_item *out, const char **error) {
  json_t *td = json_object_get(params, "textDocument");
  json_t *uri = json_object_get(td, "uri"), *text = json_object_get(td, "text");
  if (!json_is_string(uri) || !json_is_string(text) || !pr_protocol__version(json_object_get(td, "version"), &out->version)) {
    *error = "didOpen needs textDocument.uri, .version and .text";
    return false;
  }
  out->uri = pr_protocol__uri(uri);
  if (!out->uri) { *error = "textDocument.uri contains a NUL character"; return false; }
  out->text = json_string_value(text);
  out->text_len = json_string_length(text);
  return true;
}

static bool pr_protocol__position(json_t *p, pr_position *out) {
  json_t *l = json_object_get(p, "line"), *c = json_object_get(p, "character");
  if (!json_is_integer(l) || !json_is_integer(c)) return false;
  json_int_t line = json_integer_value(l), col = json_integer_value(c);
  if (line < 0 || col < 0 || line > UINT32_MAX || col > UINT32_MAX) return false;
  out->line = (uint32_t)line;
  out->column = (uint32_t)col;
  return true;
}

bool pr_protocol_read_range(json_t *range, pr_position *start, pr_position *end) {
  return pr_protocol__position(json_object_get(range, "start"), start) &&
         pr_protocol__position(json_object_get(range, "end"), end);
}

bool pr_protocol_read_did_change(json_t *params, pr_did_change *out, const char **error) {
  memset(out, 0, sizeof *out);
  json_t *td = json_object_get(params, "textDocument");
  json_t *uri = json_object_get(td, "uri");
  json_t *changes = json_object_get(params, "contentChanges");
  if (!json_is_string(uri) || !pr_protocol__version(json_object_get(td, "version"), &out->version) ||
      !json_is_array(changes)) {
    *error = "didChange needs textDocument.uri, .version and contentChanges";
    return false;
  }
  out->uri = pr_protocol__uri(uri);
  if (!out->uri) { *error = "textDocument.uri contains a NUL character"; return false; }
  size_t n = json_array_size(changes);
  if (n > UINT32_MAX / 2) { *error = "too many changes"; return false; }
  out->changes = calloc(n ? n : 1, sizeof *out->changes);
  if (!out->changes) { *error = "out of memory"; return false; }
  for (size_t i = 0; i < n; i++) {
    json_t *ch = json_array_get(changes, i);
    json_t *text = json_object_get(ch, "text"), *range = json_object_get(ch, "range");
    pr_change *c = &out->changes[i];
    if (!json_is_string(text)) { *error = "a content change has no text"; goto fail; }
    c->text = json_string_value(text);
    size_t len = json_string_length(text);
    if (len > PR_DOCUMENT_MAX_BYTES) { *error = "a content change is too large"; goto fail; }
    c->len = (uint32_t)len;
    if (range) {
      if (!pr_protocol_read_range(range, &c->start, &c->end)) {
        *error = "a content change has an invalid range";
        goto fail;
      }
      c->has_range = true;
    }
  }
  out->change_count = (uint32_t)n;
  return true;
fail:
  free(out->changes);
  out->changes = NULL;
  return false;
}

bool pr_protocol_read_document_uri(json_t *params, const char **uri, const char **error) {
  json_t *u = pr_protocol__path(params, "textDocument", "uri", NULL);
  if (!json_is_string(u)) { *error = "textDocument.uri is missing"; return false; }
  *uri = pr_protocol__uri(u);
  if (!*uri) { *error = "textDocument.uri contains a NUL character"; return false; }
  return true;
}

static json_t *pr_protocol__range_new(const pr_document *doc, uint32_t start, uint32_t end, pr_unit unit) {
  pr_position s = pr_document_position(doc, start, unit), e = pr_document_position(doc, end, unit);
  return json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line", (json_int_t)s.line, "character",
                   (json_int_t)s.column, "end", "line", (json_int_t)e.line, "character", (json_int_t)e.column);
}

static void pr_protocol__write_range(pr_buf *b, const pr_document *doc, uint32_t start, uint32_t end, pr_unit unit,
                                     pr_position_memo *memo) {
  pr_position s = pr_document_position_near(doc, start, unit, memo), e = pr_document_position_near(doc, end, unit, memo);
  pr_buf_printf(b, "{\"start\":{\"line\":%u,\"character\":%u},\"end\":{\"line\":%u,\"character\":%u}}", s.line,
                s.column, e.line, e.column);
}

static void pr_protocol__write_edit(pr_buf *b, const pr_document *doc, uint32_t start, uint32_t end, const char *text,
                                    pr_unit unit, pr_position_memo *memo) {
  pr_buf_lit(b, "{\"range\":");
  pr_protocol__write_range(b, doc, start, end, unit, memo);
  pr_buf_lit(b, ",\"newText\":");
  pr_buf_json_string(b, text, strlen(text));
  pr_buf_lit(b, "}");
}

static bool pr_protocol__valid(const char *s) { return pr_utf8_valid(s, (uint32_t)strlen(s)); }

/* JSON strings must be UTF-8: a finding holding anything else is left out. */
static bool pr_protocol__encodable(const pr_finding *f) {
  if (!pr_protocol__valid(f->message) || (f->fix_message && !pr_protocol__valid(f->fix_message))) return false;
  for (uint32_t r = 0; r < f->related_count; r++)
    if (!pr_protocol__valid(f->related[r].message)) return false;
  for (uint32_t e = 0; f->fix_message && e < f->edit_count; e++)
    if (!pr_protocol__valid(f->edits[e].text)) return false;
  return true;
}

void pr_protocol_diagnostics_write(pr_buf *b, const char *uri, int64_t version, const pr_document *doc,
                                   const pr_review *review, const pr_client_caps *caps,
                                   const pr_finding **unencodable, uint32_t *dropped) {
  if (unencodable) *unencodable = NULL;
  if (dropped) *dropped = 0;
  pr_unit unit = caps->encoding;
  pr_position_memo memo = {0};
  bool first = true;
  pr_buf_lit(b, "[");
  for (uint32_t i = 0; i < review->count; i++) {
    const pr_finding *f = review->findings[i];
    if (!pr_protocol__encodable(f)) {
      if (unencodable && !*unencodable) *unencodable = f;
      if (dropped) ++*dropped;
      continue;
    }
    if (!first) pr_buf_lit(b, ",");
    pr_buf_lit(b, "{\"range\":");
    first = false;
    pr_protocol__write_range(b, doc, f->start, f->end, unit, &memo);
    pr_buf_printf(b, ",\"severity\":%d,\"code\":", (int)f->severity);
    pr_buf_json_string(b, f->rule->code, strlen(f->rule->code));
    pr_buf_lit(b, ",\"source\":\"pyreview\",\"message\":");
    pr_buf_json_string(b, f->message, strlen(f->message));
    if (f->rule->cwe)
      pr_buf_printf(b, ",\"codeDescription\":{\"href\":\"https://cwe.mitre.org/data/definitions/%d.html\"}",
                    f->rule->cwe);
    bool unnecessary = (f->rule->tags & PR_TAG_UNNECESSARY) && caps->tag_unnecessary;
    bool deprecated = (f->rule->tags & PR_TAG_DEPRECATED) && caps->tag_deprecated;
    if (unnecessary || deprecated)
      pr_buf_printf(b, ",\"tags\":[%s%s%s]", unnecessary ? "1" : "", unnecessary && deprecated ? "," : "",
                    deprecated ? "2" : "");
    /* what a code action needs, so that it needs no review: the fix's edits,
       in the negotiated encoding, for this version (the `# noqa` edit is
       found when asked: pr_server__noqa_edit) */
    pr_buf_printf(b, ",\"data\":{\"version\":%lld", (long long)version);
    if (f->fix_message) {
      pr_buf_lit(b, ",\"fix\":{\"title\":");
      pr_buf_json_string(b, f->fix_message, strlen(f->fix_message));
      pr_buf_lit(b, ",\"edits\":[");
      for (uint32_t e = 0; e < f->edit_count; e++) {
        if (e) pr_buf_lit(b, ",");
        pr_protocol__write_edit(b, doc, f->edits[e].start, f->edits[e].end, f->edits[e].text, unit, &memo);
      }
      pr_buf_lit(b, "]}");
    }
    pr_buf_lit(b, "}");
    if (f->related_count && caps->related_information) {
      pr_buf_lit(b, ",\"relatedInformation\":[");
      for (uint32_t r = 0; r < f->related_count; r++) {
        if (r) pr_buf_lit(b, ",");
        pr_buf_lit(b, "{\"location\":{\"uri\":");
        pr_buf_json_string(b, uri, strlen(uri));
        pr_buf_lit(b, ",\"range\":");
        pr_protocol__write_range(b, doc, f->related[r].start, f->related[r].end, unit, &memo);
        pr_buf_lit(b, "},\"message\":");
        pr_buf_json_string(b, f->related[r].message, strlen(f->related[r].message));
        pr_buf_lit(b, "}");
      }
      pr_buf_lit(b, "]");
    }
    pr_buf_lit(b, "}");
  }
  pr_buf_lit(b, "]");
}

json_t *pr_protocol_diagnostics_new(const char *uri, int64_t version, const pr_document *doc,
                                    const pr_review *review, const pr_client_caps *caps,
                                    const pr_finding **unencodable, uint32_t *dropped) {
  pr_buf b = {0};
  pr_protocol_diagnostics_write(&b, uri, version, doc, review, caps, unencodable, dropped);
  json_t *list = b.oom ? NULL : json_loadb(b.data, b.len, 0, NULL);
  pr_buf_free(&b);
  if (!list) return NULL;
  return json_pack("{s:s,s:I,s:o}", "uri", uri, "version", (json_int_t)version, "diagnostics", list);
}

void pr_protocol_publish_write(pr_buf *b, const char *uri, int64_t version, const char *items, size_t items_len) {
  pr_buf_lit(b, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{\"uri\":");
  pr_buf_json_string(b, uri, strlen(uri));
  pr_buf_printf(b, ",\"version\":%lld,\"diagnostics\":", (long long)version);
  pr_buf_append(b, items, items_len);
  pr_buf_lit(b, "}}");
}

void pr_protocol_full_report_write(pr_buf *b, json_t *id, const char *result_id, const char *items, size_t items_len) {
  char *id_text = json_dumps(id ? id : json_null(), JSON_COMPACT | JSON_ENCODE_ANY);
  if (!id_text) { b->oom = true; return; }
  pr_buf_lit(b, "{\"jsonrpc\":\"2.0\",\"id\":");
  pr_buf_append(b, id_text, strlen(id_text));
  pr_json_free(id_text);
  pr_buf_lit(b, ",\"result\":{\"kind\":\"full\",\"resultId\":");
  pr_buf_json_string(b, result_id, strlen(result_id));
  pr_buf_lit(b, ",\"items\":");
  pr_buf_append(b, items, items_len);
  pr_buf_lit(b, "}}");
}

json_t *pr_protocol_text_edit_new(const pr_document *doc, uint32_t start, uint32_t end, const char *text,
                                  pr_unit unit) {
  return json_pack("{s:o,s:s}", "range", pr_protocol__range_new(doc, start, end, unit), "newText", text);
}

bool pr_protocol_read_code_action(json_t *params, pr_code_action_params *out, const char **error) {
  memset(out, 0, sizeof *out);
  json_t *uri = pr_protocol__path(params, "textDocument", "uri", NULL);
  out->uri = pr_protocol__uri(uri);
  if (!out->uri) { *error = "textDocument.uri is missing"; return false; }
  json_t *context = json_object_get(params, "context");
  json_t *diags = json_object_get(context, "diagnostics");
  out->diagnostics = json_is_array(diags) ? diags : NULL;
  json_t *only = json_object_get(context, "only");
  if (!json_is_array(only)) {
    out->quick_fixes = true;
    return true;
  }
  size_t i;
  json_t *k;
  json_array_foreach(only, i, k) {
    const char *kind = json_string_value(k);
    if (!kind) continue;
    if (!strcmp(kind, "quickfix")) out->quick_fixes = true;
    if (!strcmp(kind, "source") || !strcmp(kind, "source.fixAll") || !strcmp(kind, "source.fixAll.pyreview"))
      out->fix_all = true;
  }
  return true;
}

bool pr_protocol_read_diagnostic(json_t *params, const char **uri, const char **previous_result_id,
                                 const char **error) {
  *uri = pr_protocol__uri(pr_protocol__path(params, "textDocument", "uri", NULL));
  if (!*uri) { *error = "textDocument.uri is missing"; return false; }
  *previous_result_id = json_string_value(json_object_get(params, "previousResultId"));
  return true;
}

json_t *pr_protocol_diagnostic_report_new(const char *result_id, json_t *items) {
  if (!items) return json_pack("{s:s,s:s}", "kind", "unchanged", "resultId", result_id);
  return json_pack("{s:s,s:s,s:o}", "kind", "full", "resultId", result_id, "items", items);
}

bool pr_protocol_read_position(json_t *params, const char **uri, pr_position *pos, const char **error) {
  json_t *u = pr_protocol__path(params, "textDocument", "uri", NULL);
  json_t *line = pr_protocol__path(params, "position", "line", NULL);
  json_t *col = pr_protocol__path(params, "position", "character", NULL);
  *uri = pr_protocol__uri(u);
  if (!*uri) { *error = "textDocument.uri is missing"; return false; }
  if (!json_is_integer(line) || !json_is_integer(col) || json_integer_value(line) < 0 || json_integer_value(col) < 0 ||
      json_integer_value(line) > UINT32_MAX || json_integer_value(col) > UINT32_MAX) {
    *error = "position is not a pair of non-negative integers";
    return false;
  }
  pos->line = (uint32_t)json_integer_value(line);
  pos->column = (uint32_t)json_integer_value(col);
  return true;
}

json_t *pr_protocol_response_new(json_t *id, json_t *result) {
  return json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "result",
                   result ? result : json_null());
}

json_t *pr_protocol_error_new(json_t *id, pr_rpc_error code, const char *message) {
  return json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error", "code",
                   (int)code, "message", message);
}

json_t *pr_protocol_notification_new(const char *method, json_t *params) {
  return json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params", params);
}

void pr_json_free(void *p) {
  json_free_t free_fn;
  json_get_alloc_funcs(NULL, &free_fn);
  free_fn(p);
}
