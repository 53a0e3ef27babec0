/* server.c - the language server: JSON-RPC dispatch, lifecycle, the document
 * store and publishing diagnostics; see server.h.
 *
 * One thread, five hops: stdin bytes -> frame (transport) -> JSON decode and
 * method lookup -> params into C values (protocol) -> apply edits, re-parse,
 * review (core) -> encode and write. Every request gets exactly one response;
 * notifications get none, whatever happens. didChange publishes in the same
 * handler, so a publish always carries the document's latest version.
 *
 * The dispatcher (pr_server_new ... pr_server_free) knows nothing of stdin,
 * stdout or framing: pr_server_main wires it to a transport, and the fuzz
 * harness (tests/fuzz/fuzz_dispatch.c) calls it directly. */
#include "server.h"

#include "document.h"
#include "engine.h"
#include "fixes.h"
#include "incremental.h"
#include "protocol.h"
#include "suppress.h"
#include "report.h"
#include "parse.h"
#include "ruleset.h"
#include "syntax.h"
#include "testcode.h"
#include "transport.h"
#include "workspace.h"
#include "notebook.h"
#include "reaper.h"
#include "settings.h"
#include "config.h"

#include <jansson.h>
#include <malloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#define PR_SERVER_VERSION "0.1.0"

typedef enum pr_server_state {
  PR_STATE_STARTING,     /* before initialize */
  PR_STATE_RUNNING,      /* after initialize */
  PR_STATE_SHUT_DOWN,    /* after shutdown: only exit is expected */
} pr_server_state;

typedef struct pr_mark {
  uint32_t start, end;   /* bytes */
  uint32_t stmt_start, stmt_end;  /* its statement: where a `# noqa` for it goes */
  const pr_rule *rule;
} pr_mark;

/* A textDocument/diagnostic request waiting for the running review. */
typedef struct pr_pull {
  json_t *id;
  char *previous;        /* previousResultId, or NULL */
} pr_pull;

typedef struct pr_open_document {
  char *uri;
  char *path;            /* file-system path, or NULL for non-file URIs */
  bool test_file;
  pr_doc_settings settings;  /* its configuration file with the editor's settings over it */
  pr_document *doc;
  pr_review_cache *cache;  /* its last review's results, reused by the next (incremental.h) */
  pr_mark *marks;          /* the published findings' ranges and rules, for hover */
  uint32_t mark_count;
  uint64_t touched;      /* the server's clock when it was last opened or changed */
  uint64_t id;           /* unique for the server's life: a job finds its document by it */
  bool busy;             /* a review of it runs off the loop (it has lent the job its cache) */
  bool dirty;            /* changed since the review that runs or last ran started */
  char *items;           /* the last review's diagnostics as a JSON array (for pull clients), or NULL */
  size_t items_len;
  char result_id[48];    /* its resultId */
  pr_pull *pulls;        /* pull requests waiting for the running review */
  uint32_t pull_count;
  uint32_t deep_row_logged;  /* 1 + the row of the last deep-indentation notice; 0: none */
} pr_open_document;

/* An open notebook and its cells' last diagnostics (for pull clients). */
typedef struct pr_open_notebook {
  pr_notebook nb;
  json_t *reports;       /* publishDiagnostics params per Python cell, or NULL */
  uint64_t seq;          /* makes the cells' resultIds unique */
} pr_open_notebook;

/* What one review cost, for a client tracing at `verbose`: the parse
 * (tree-sitter's re-parse of the edited tree) apart from the rest, so that a
 * keystroke's latency can be split into tree-sitter's share and ours. */
typedef struct pr_review_timing {
  double parse_ms, review_ms;  /* review: the rules and the diagnostics' JSON */
  double wait_ms;              /* queued behind other work of the worker's before it started */
} pr_review_timing;

/* A review off the loop (uv_queue_work): a snapshot of one document parsed
 * and reviewed on a worker thread with a parser of its own; the result is
 * published on the loop only if the document is still at that version. */
typedef struct pr_review_job {
  uv_work_t work;
  struct pr_server *server;
  uint64_t doc_id;
  char *uri, *path;
  bool test_file;
  pr_doc_settings settings;  /* a copy */
  pr_client_caps caps;       /* a copy (root_path not used by the worker) */
  pr_document *snap;
  pr_review_cache *cache;    /* the document's, lent for the job */
  TSParser *parser;
  /* results */
  char *items;               /* the diagnostics as a JSON array, or NULL */
  size_t items_len;
  pr_mark *marks;
  uint32_t mark_count;
  bool failed;               /* out of memory: nothing published */
  uint32_t dropped;
  char dropped_code[16];
  pr_position dropped_at;
  uint32_t deep_row;         /* pr_indent_beyond_scanner's row, or UINT32_MAX */
  uint64_t queued_at;        /* uv_hrtime() when queued */
  pr_review_timing timing;
} pr_review_job;

/* Syntax trees cost 25-50x their text and only an edited document needs one
 * (for the incremental re-parse), so trees are kept for the most recently
 * touched documents only, within both limits; the others keep their text and
 * are parsed afresh when next changed (one full parse, then incremental again). */
#define PR_SERVER_TREES_MAX 32
#define PR_SERVER_TREE_TEXT_MAX ((uint64_t)8 * 1024 * 1024)
/* After closes or released trees, freed memory goes back to the system once
 * the stream has been quiet this long (one malloc_trim per burst of closes). */
#define PR_SERVER_TRIM_DELAY_MS 200

struct pr_server {
  pr_server_io io;
  TSParser *parser;
  pr_server_state state;
  pr_client_caps caps;
  pr_open_document *docs;
  size_t doc_count, doc_cap;
  uint64_t clock;        /* counts opens and changes, for touched */
  uv_timer_t *trim_timer;  /* NULL when the server was made without a loop */
  pr_reaper *reaper;       /* deletes let-go trees, started with the first; NULL without a loop (or no
                              thread): deleted inline */
  uv_loop_t *loop;       /* NULL: reviews run inline (the fuzz harness, unit tests) */
  uint64_t next_doc_id;
  uint64_t result_seq;   /* makes resultIds unique */
  uint32_t jobs;         /* reviews running off the loop */
  TSParser *idle_parsers[4];  /* the workers' parsers between jobs */
  uint32_t idle_parser_count;
  pr_workspace_folders folders;  /* the client's workspace folders */
  pr_config_finder *finder;      /* configuration files by folder */
  pr_config_finder **retired;    /* finders replaced after a configuration file changed: kept, since
                                    documents' settings borrow their logging masks */
  uint32_t retired_count;
  pr_editor_settings *editor;    /* the editor's `pyreview` settings, or NULL */
  uint64_t requests;             /* ids of the requests the server sends */
  bool config_problem_shown;     /* window/showMessage once for a configuration with errors */
  bool tracing;                  /* $/setTrace messages or verbose: the log goes to the client too */
  bool trace_verbose;            /* verbose: each review's timing goes to the client as well */
  bool in_trace;
  pr_open_notebook *notebooks;
  size_t notebook_count, notebook_cap;
  struct pr_scan *scan;  /* the workspace/diagnostic request being answered, or NULL */
  int exit_code;
  bool exited;           /* `exit` arrived: every later message is ignored */
};

/* Logs go to io.log when the embedder wants them, else to stderr. */
static void pr_server__log(pr_server *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pr_server__send(pr_server *s, json_t *msg);

/* Every log line goes to io.log (else stderr) and, while the client has
 * tracing on ($/setTrace or initialize's `trace`), to it as $/logTrace. */
static void pr_server__log(pr_server *s, const char *fmt, ...) {
  char line[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (s->io.log) {
    s->io.log(s->io.user, line);
  } else {
    fprintf(stderr, "pyreview: %s\n", line);
  }
  if (s->tracing && !s->in_trace) {
    s->in_trace = true;  /* a trace that cannot be sent logs, and must not trace again */
    /* a line cut at 1024 bytes may end inside a character: send what is whole */
    size_t n = strlen(line);
    while (n > 0 && ((unsigned char)line[n - 1] & 0xC0) == 0x80) n--;
    if (n > 0 && (unsigned char)line[n - 1] >= 0xC0) n--;
    json_t *m = json_stringn(line, n);
    if (m) pr_server__send(s, pr_protocol_notification_new("$/logTrace", json_pack("{s:o}", "message", m)));
    s->in_trace = false;
  }
}

static void pr_server__send(pr_server *s, json_t *msg) {
  if (!msg) { pr_server__log(s, "could not build a message (out of memory)"); return; }
  char *body = json_dumps(msg, JSON_COMPACT);
  json_decref(msg);
  if (!body) { pr_server__log(s, "could not encode a message (out of memory)"); return; }
  s->io.write(s->io.user, body, strlen(body));
  pr_json_free(body);
}

/* Sends a message already written as JSON text, and frees the buffer. */
static void pr_server__send_text(pr_server *s, pr_buf *b) {
  if (b->oom) pr_server__log(s, "could not build a message (out of memory)");
  else s->io.write(s->io.user, b->data, b->len);
  pr_buf_free(b);
}

static void pr_server__error(pr_server *s, json_t *id, pr_rpc_error code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void pr_server__error(pr_server *s, json_t *id, pr_rpc_error code, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  pr_server__send(s, pr_protocol_error_new(id, code, msg));
}

/* ---------- documents ---------- */

static pr_open_document *pr_server__find(pr_server *s, const char *uri) {
  for (size_t i = 0; i < s->doc_count; i++)
    if (!strcmp(s->docs[i].uri, uri)) return &s->docs[i];
  return NULL;
}

static void pr_server__forget(pr_server *s, pr_open_document *d) {
  /* a pull waiting for a review of a closed document gets an empty report */
  for (uint32_t i = 0; i < d->pull_count; i++) {
    pr_server__send(s, pr_protocol_response_new(d->pulls[i].id, pr_protocol_diagnostic_report_new("closed", json_array())));
    json_decref(d->pulls[i].id);
    free(d->pulls[i].previous);
  }
  free(d->pulls);
  free(d->items);
  pr_document_delete(d->doc);
  pr_review_cache_free(d->cache);
  free(d->marks);
  free(d->uri);
  free(d->path);
  *d = s->docs[--s->doc_count];
}

static void pr_server__on_trim(uv_timer_t *timer) {
  pr_server *s = timer->data;
  if (s->doc_count == 0) {
    /* With nothing open, the parser's working buffers (sized by the largest
     * file it parsed) and the document table are the only long-lived blocks
     * left in the middle of the heap: renewing them lets the trim return it all. */
    TSParser *fresh = pr_parser_new();
    if (fresh) {
      ts_parser_delete(s->parser);
      s->parser = fresh;
    }
    free(s->docs);
    s->docs = NULL;
    s->doc_cap = 0;
    while (s->idle_parser_count) ts_parser_delete(s->idle_parsers[--s->idle_parser_count]);
  }
  malloc_trim(0);
}

static void pr_server__schedule_trim(pr_server *s) {
  if (s->trim_timer && !s->exited) uv_timer_start(s->trim_timer, pr_server__on_trim, PR_SERVER_TRIM_DELAY_MS, 0);
}

/* Releases the trees of the least recently touched documents other than
 * `keep` (NULL: any) until the kept trees fit both limits. */
static void pr_server__fit_trees(pr_server *s, const pr_open_document *keep) {
  bool released = false;
  for (;;) {
    size_t trees = 0;
    uint64_t bytes = 0;
    pr_open_document *oldest = NULL;
    for (size_t i = 0; i < s->doc_count; i++) {
      pr_open_document *o = &s->docs[i];
      if (!pr_document_tree(o->doc)) continue;
      trees++;
      bytes += pr_document_length(o->doc);
      if (o != keep && (!oldest || o->touched < oldest->touched)) oldest = o;
    }
    if ((trees <= PR_SERVER_TREES_MAX && bytes <= PR_SERVER_TREE_TEXT_MAX) || !oldest) break;
    pr_document_release_tree(oldest->doc);
    /* a document nobody types in keeps no results either */
    if (oldest->cache) pr_review_cache_clear(oldest->cache);
    released = true;
  }
  if (released) pr_server__schedule_trim(s);
}

/* Marks d as just used, then releases the trees of the least recently touched
 * other documents until the kept trees fit both limits. */
static void pr_server__touch(pr_server *s, pr_open_document *d) {
  d->touched = ++s->clock;
  pr_server__fit_trees(s, d);
}

/* Configuration problems reach the person: each message as a
 * window/logMessage (a warning), and once per server a window/showMessage
 * pointing at the log. */
static void pr_server__config_message(pr_server *s, const char *message) {
  pr_server__log(s, "configuration: %s", message);
  pr_server__send(s, pr_protocol_notification_new(
                         "window/logMessage", json_pack("{s:i,s:s+}", "type", 2, "message", "pyreview: ", message)));
  if (s->config_problem_shown) return;
  s->config_problem_shown = true;
  pr_server__send(s, pr_protocol_notification_new(
                         "window/showMessage",
                         json_pack("{s:i,s:s+}", "type", 2, "message",
                                   "pyreview: a configuration has errors; what could not be read uses the defaults: ",
                                   message)));
}

/* d's test-code classification and settings: its configuration file (found
 * as `check` finds it; its messages shown when it is first read) with the
 * editor's settings over it. */
static bool pr_server__classify(pr_server *s, pr_open_document *d) {
  free(d->path);
  d->path = pr_protocol_uri_to_path(d->uri);
  const pr_config *config = NULL;
  if (d->path && !s->finder) s->finder = pr_config_finder_new();
  if (d->path && s->finder) {
    bool fresh = false;
    config = pr_config_find(s->finder, d->path, &fresh);
    for (uint32_t m = 0; fresh && config && m < config->message_count; m++)
      pr_server__config_message(s, config->messages[m]);
  }
  char err[256];
  pr_doc_settings_make(config, s->editor, d->path, d->path ? pr_workspace_folder_of(&s->folders, d->path) : NULL,
                       &d->settings, err, sizeof err);
  if (err[0]) pr_server__config_message(s, err);
  if (d->path) {
    d->test_file = pr_workspace_is_test_file(&s->folders, d->path) || d->settings.test_by_pattern;
  } else {
    const char *slash = strrchr(d->uri, '/');
    d->test_file = pr_is_test_path(slash ? slash + 1 : d->uri);
  }
  return true;
}

/* Reads the editor's settings (NULL: none) and shows what could not be used. */
static void pr_server__set_editor(pr_server *s, json_t *settings) {
  json_t *messages = json_array();
  pr_editor_settings *e = pr_editor_settings_new(settings, messages);
  size_t i;
  json_t *m;
  json_array_foreach(messages, i, m) pr_server__config_message(s, json_string_value(m));
  json_decref(messages);
  if (!e) { pr_server__log(s, "editor settings: out of memory; the previous ones stay"); return; }
  pr_editor_settings_free(s->editor);
  s->editor = e;
}

/* At `verbose`, each published review's cost goes to the client as a
 * $/logTrace (never to the log: one line per keystroke is noise there). */
static void pr_server__trace_timing(pr_server *s, const pr_open_document *d, const pr_review_timing *t,
                                    uint32_t count) {
  if (!s->trace_verbose) return;
  char verbose[128];
  snprintf(verbose, sizeof verbose, "parse %.3f ms, review %.3f ms, %u diagnostics, waited %.3f ms", t->parse_ms,
           t->review_ms, count, t->wait_ms);
  json_t *m = json_sprintf("reviewed %s version %lld", d->uri, (long long)pr_document_version(d->doc));
  if (m) pr_server__send(s, pr_protocol_notification_new("$/logTrace", json_pack("{s:o,s:s}", "message", m,
                                                                                  "verbose", verbose)));
}

/* Parses (when needed) and reviews `doc`, a document or a job's snapshot, and
 * builds its publishDiagnostics params and the marks hover uses. Touches no
 * server state: a worker thread runs it. False when out of memory. */
static bool pr_server__review(const pr_client_caps *caps, const char *uri, const char *path, bool test_file,
                              const pr_doc_settings *settings, pr_document *doc, pr_review_cache *cache, TSParser *parser,
                              char **items, size_t *items_len, pr_mark **marks, uint32_t *mark_count,
                              uint32_t *dropped, char *dropped_code, pr_position *dropped_at, uint32_t *deep_row,
                              pr_review_timing *timing) {
  *items = NULL;
  *items_len = 0;
  *marks = NULL;
  *mark_count = *dropped = 0;
  *deep_row = UINT32_MAX;
  uint64_t t0 = uv_hrtime();  /* ns; needs no loop */
  if (!pr_document_ensure_tree(doc, parser)) return false;
  uint64_t t1 = uv_hrtime();
  *deep_row = pr_indent_beyond_scanner(pr_document_tree(doc), pr_document_text(doc), pr_document_length(doc),
                                       pr_document_lines(doc));
  pr_review review;
  pr_review_options options = {.path = path, .test_file = test_file, .lines = pr_document_lines(doc), .cache = cache,
                               .selection = &settings->selection, .thresholds = &settings->thresholds,
                               .severity = settings->severity};
  if (pr_review_file(pr_document_text(doc), pr_document_length(doc), pr_document_tree(doc), &options, &review) !=
      PR_REVIEW_OK)
    return false;
  if (review.count && (*marks = malloc(review.count * sizeof **marks))) {
    *mark_count = review.count;
    for (uint32_t i = 0; i < review.count; i++)
      (*marks)[i] = (pr_mark){review.findings[i]->start, review.findings[i]->end, review.findings[i]->stmt_start,
                              review.findings[i]->stmt_end, review.findings[i]->rule};
  }
  const pr_finding *bad;
  pr_buf b = {0};
  pr_protocol_diagnostics_write(&b, uri, pr_document_version(doc), doc, &review, caps, &bad, dropped);
  if (b.oom) {
    pr_buf_free(&b);
  } else {
    *items = b.data;
    *items_len = b.len;
  }
  if (*dropped) {
    snprintf(dropped_code, 16, "%s", bad->rule->code);
    *dropped_at = pr_document_position(doc, bad->start, PR_UNIT_UTF32);
  }
  pr_review_free(&review);
  timing->parse_ms = (double)(t1 - t0) / 1e6;
  timing->review_ms = (double)(uv_hrtime() - t1) / 1e6;
  return true;
}

/* A DocumentDiagnosticReport of d's last review: unchanged when the client has it. */
static void pr_server__answer_pull(pr_server *s, pr_open_document *d, json_t *id, const char *previous) {
  if (previous && !strcmp(previous, d->result_id)) {
    pr_server__send(s, pr_protocol_response_new(id, pr_protocol_diagnostic_report_new(d->result_id, NULL)));
    return;
  }
  pr_buf b = {0};
  pr_protocol_full_report_write(&b, id, d->result_id, d->items ? d->items : "[]", d->items ? d->items_len : 2);
  pr_server__send_text(s, &b);
}

/* Installs a finished review's results in the document and sends them (push),
 * or answers the pull requests that waited for them. */
static void pr_server__deliver(pr_server *s, pr_open_document *d, char *items, size_t items_len, pr_mark *marks,
                               uint32_t mark_count, uint32_t dropped, const char *dropped_code,
                               pr_position dropped_at) {
  free(d->marks);
  d->marks = marks;
  d->mark_count = mark_count;
  if (dropped)
    pr_server__log(s, "%s: %u diagnostic(s) could not be encoded as JSON and were left out, the first %s at %u:%u",
                   d->uri, dropped, dropped_code, dropped_at.line + 1, dropped_at.column + 1);
  free(d->items);
  d->items = items;
  d->items_len = items_len;
  snprintf(d->result_id, sizeof d->result_id, "%llu-%lld-%llu", (unsigned long long)d->id,
           (long long)pr_document_version(d->doc), (unsigned long long)++s->result_seq);
  if (!s->caps.pull_diagnostics) {
    if (!items) { pr_server__log(s, "%s: could not build its diagnostics (out of memory)", d->uri); return; }
    pr_buf b = {0};
    pr_protocol_publish_write(&b, d->uri, pr_document_version(d->doc), items, items_len);
    pr_server__send_text(s, &b);
    return;
  }
  for (uint32_t i = 0; i < d->pull_count; i++) {
    pr_server__answer_pull(s, d, d->pulls[i].id, d->pulls[i].previous);
    json_decref(d->pulls[i].id);
    free(d->pulls[i].previous);
  }
  d->pull_count = 0;
}

/* Trees a document let go of (pr_document_take_garbage) go to the reaper,
 * once the diagnostics they delayed are sent: on the review worker their
 * deletion delayed the next keystroke's review (reaper.h). */
static void pr_server__collect(pr_server *s, pr_document *doc) {
  TSTree *trees[PR_DOCUMENT_GARBAGE_MAX];
  uint32_t n = pr_document_take_garbage(doc, trees, PR_DOCUMENT_GARBAGE_MAX);
  if (!n) return;
  if (!s->reaper && s->loop) s->reaper = pr_reaper_new();  /* a server that never edits starts no thread */
  if (s->reaper && pr_reaper_give(s->reaper, trees, n)) return;
  for (uint32_t i = 0; i < n; i++) ts_tree_delete(trees[i]);
}

static void pr_server__review_work(uv_work_t *work) {
  pr_review_job *j = work->data;
  j->timing.wait_ms = (double)(uv_hrtime() - j->queued_at) / 1e6;
  j->failed = !pr_server__review(&j->caps, j->uri, j->path ? j->path : j->uri, j->test_file, &j->settings, j->snap,
                                 j->cache,
                                 j->parser, &j->items, &j->items_len, &j->marks, &j->mark_count, &j->dropped, j->dropped_code,
                                 &j->dropped_at, &j->deep_row, &j->timing);
}

/* Says once per place why a broken file may be missing findings: a line
 * indented beyond what tree-sitter-python's scanner keeps (parse.h). */
static void pr_server__note_deep_indent(pr_server *s, pr_open_document *d, uint32_t row) {
  if (row == UINT32_MAX) { d->deep_row_logged = 0; return; }
  if (d->deep_row_logged == row + 1) return;
  d->deep_row_logged = row + 1;
  pr_server__log(s, "%s:%u: indented more than %d columns, which tree-sitter-python misreads; findings may be "
                 "missing from there on", d->uri, row + 1, PR_SCANNER_MAX_INDENT);
}

static pr_open_document *pr_server__find_id(pr_server *s, uint64_t id) {
  for (size_t i = 0; i < s->doc_count; i++)
    if (s->docs[i].id == id) return &s->docs[i];
  return NULL;
}

static void pr_server__schedule(pr_server *s, pr_open_document *d);

static void pr_server__review_done(uv_work_t *work, int status) {
  pr_review_job *j = work->data;
  pr_server *s = j->server;
  s->jobs--;
  if (s->idle_parser_count < sizeof s->idle_parsers / sizeof *s->idle_parsers) s->idle_parsers[s->idle_parser_count++] = j->parser;
  else ts_parser_delete(j->parser);
  pr_open_document *d = s->exited ? NULL : pr_server__find_id(s, j->doc_id);
  if (d) {
    d->busy = false;
    d->cache = j->cache;
    j->cache = NULL;
    /* The review parsed a document whose tree may have been released while it
       waited (a burst of opens touches documents faster than they are
       reviewed): the limits hold again once its tree is back. Without this,
       every document reviewed after the burst's last open kept its tree
       (666 files of the standard library: 415 KiB a document). */
    if (pr_document_adopt_tree(d->doc, j->snap)) pr_server__fit_trees(s, NULL);
    bool current = pr_document_version(d->doc) == pr_document_version(j->snap) && !d->dirty;
    if (status == 0 && j->failed)
      pr_server__log(s, "%s: not parsed within %u ms (or out of memory); its diagnostics are not updated", d->uri,
                     pr_parse_time_limit_ms());
    if (status == 0 && !j->failed) pr_server__note_deep_indent(s, d, j->deep_row);
    if (status == 0 && current && j->items) {
      pr_server__trace_timing(s, d, &j->timing, j->mark_count - j->dropped);
      pr_server__deliver(s, d, j->items, j->items_len, j->marks, j->mark_count, j->dropped, j->dropped_code,
                         j->dropped_at);
      j->items = NULL;
      j->marks = NULL;
    }
    if (d->dirty) pr_server__schedule(s, d);
    pr_server__collect(s, d->doc);
  }
  free(j->items);
  free(j->marks);
  pr_review_cache_free(j->cache);
  pr_document_delete(j->snap);
  free(j->uri);
  free(j->path);
  free(j);
}

/* Reviews d and publishes its diagnostics: inline without a loop; else off
 * the loop, one review per document at a time, the newest version last. */
static void pr_server__schedule(pr_server *s, pr_open_document *d) {
  d->dirty = true;
  if (!s->loop) {
    char *items;
    size_t items_len;
    pr_mark *marks;
    uint32_t count, dropped;
    char code[16];
    pr_position at;
    uint32_t deep_row;
    pr_review_timing timing = {0};
    if (!pr_server__review(&s->caps, d->uri, d->path ? d->path : d->uri, d->test_file, &d->settings, d->doc, d->cache,
                           s->parser,
                           &items, &items_len, &marks, &count, &dropped, code, &at, &deep_row, &timing)) {
      pr_server__log(s, "%s: out of memory while reviewing; diagnostics not updated", d->uri);
      return;
    }
    pr_server__note_deep_indent(s, d, deep_row);
    d->dirty = false;
    pr_server__trace_timing(s, d, &timing, count - dropped);
    pr_server__deliver(s, d, items, items_len, marks, count, dropped, code, at);
    pr_server__collect(s, d->doc);
    return;
  }
  if (d->busy) return;  /* the running review's completion schedules the next */
  pr_review_job *j = calloc(1, sizeof *j);
  if (j) {
    j->server = s;
    j->doc_id = d->id;
    j->uri = strdup(d->uri);
    j->path = d->path ? strdup(d->path) : NULL;
    j->test_file = d->test_file;
    j->settings = d->settings;
    j->caps = s->caps;
    j->caps.root_path = NULL;
    j->snap = pr_document_snapshot(d->doc);
    j->parser = s->idle_parser_count ? s->idle_parsers[--s->idle_parser_count] : pr_parser_new();
  }
  if (!j || !j->uri || (d->path && !j->path) || !j->snap || !j->parser) {
    pr_server__log(s, "%s: out of memory; diagnostics not updated", d->uri);
    if (j) {
      if (j->parser) ts_parser_delete(j->parser);
      pr_document_delete(j->snap);
      free(j->uri);
      free(j->path);
      free(j);
    }
    return;
  }
  j->cache = d->cache;
  d->cache = NULL;
  j->work.data = j;
  j->queued_at = uv_hrtime();
  if (uv_queue_work(s->loop, &j->work, pr_server__review_work, pr_server__review_done) != 0) {
    d->cache = j->cache;
    ts_parser_delete(j->parser);
    pr_document_delete(j->snap);
    free(j->uri);
    free(j->path);
    free(j);
    pr_server__log(s, "%s: could not start a review; diagnostics not updated", d->uri);
    return;
  }
  s->jobs++;
  d->busy = true;
  d->dirty = false;
}

static void pr_server__publish_empty(pr_server *s, const char *uri) {
  pr_server__send(s, pr_protocol_notification_new("textDocument/publishDiagnostics",
                                                  json_pack("{s:s,s:[]}", "uri", uri, "diagnostics")));
}

/* ---------- methods ---------- */

typedef void (*pr_handler)(pr_server *s, json_t *id, json_t *params);

static void pr_server__release_scan(pr_server *s);
static void pr_server__stop_scan(pr_server *s);

static void pr_server__initialize(pr_server *s, json_t *id, json_t *params) {
  const char *error;
  if (s->state != PR_STATE_STARTING) {
    pr_server__error(s, id, PR_RPC_INVALID_REQUEST, "initialize was already called");
    return;
  }
  if (!pr_protocol_read_initialize(params, &s->caps, &error)) {
    pr_server__error(s, id, PR_RPC_INVALID_PARAMS, "%s", error);
    return;
  }
  size_t i;
  json_t *folder;
  json_array_foreach(json_object_get(params, "workspaceFolders"), i, folder) {
    const char *uri = json_string_value(json_object_get(folder, "uri"));
    if (uri && !pr_workspace_folders_update(&s->folders, uri, false))
      pr_server__log(s, "workspace folder %s ignored: not a file: URI", uri);
  }
  if (!s->folders.count && s->caps.root_path) pr_workspace_folders_add_path(&s->folders, s->caps.root_path);
  const char *trace = json_string_value(json_object_get(params, "trace"));
  s->tracing = trace && strcmp(trace, "off") != 0;
  s->trace_verbose = trace && strcmp(trace, "verbose") == 0;
  /* initializationOptions: the `pyreview` settings, or an object holding them */
  json_t *init = json_object_get(params, "initializationOptions");
  if (json_is_object(json_object_get(init, "pyreview"))) init = json_object_get(init, "pyreview");
  if (json_is_object(init) && json_object_size(init)) pr_server__set_editor(s, init);
  s->state = PR_STATE_RUNNING;
  pr_server__send(s, pr_protocol_response_new(id, pr_protocol_initialize_result_new(&s->caps, PR_SERVER_VERSION)));
}

static void pr_server__shutdown(pr_server *s, json_t *id, json_t *params) {
  pr_server__stop_scan(s);
  s->state = PR_STATE_SHUT_DOWN;
  pr_server__send(s, pr_protocol_response_new(id, json_null()));
}

static void pr_server__did_open(pr_server *s, json_t *id, json_t *params) {
  pr_text_document_item item;
  const char *error;
  if (!pr_protocol_read_did_open(params, &item, &error)) { pr_server__log(s, "didOpen ignored: %s", error); return; }
  if (item.text_len > PR_DOCUMENT_MAX_BYTES) { pr_server__log(s, "%s: too large, not opened", item.uri); return; }
  pr_open_document *d = pr_server__find(s, item.uri);
  if (d) pr_server__forget(s, d);  /* re-opened without a close: start over */
  if (s->doc_count == s->doc_cap) {
    size_t cap = s->doc_cap ? s->doc_cap * 2 : 16;
    pr_open_document *p = realloc(s->docs, cap * sizeof *p);
    if (!p) { pr_server__log(s, "%s: out of memory, not opened", item.uri); return; }
    s->docs = p;
    s->doc_cap = cap;
  }
  d = &s->docs[s->doc_count];
  memset(d, 0, sizeof *d);
  d->uri = strdup(item.uri);
  /* with a loop the first parse is the review job's, off the loop */
  d->doc = s->loop ? pr_document_new_unparsed(item.text, (uint32_t)item.text_len, item.version)
                   : pr_document_new(s->parser, item.text, (uint32_t)item.text_len, item.version);
  d->id = ++s->next_doc_id;
  d->cache = pr_review_cache_new();
  if (!d->uri || !d->doc || !d->cache) {
    free(d->uri);
    pr_document_delete(d->doc);
    pr_review_cache_free(d->cache);
    pr_server__log(s, "%s: out of memory, not opened", item.uri);
    return;
  }
  s->doc_count++;
  pr_server__classify(s, d);
  pr_server__touch(s, d);
  pr_server__schedule(s, d);
}

static void pr_server__did_change(pr_server *s, json_t *id, json_t *params) {
  pr_did_change change;
  const char *error;
  if (!pr_protocol_read_did_change(params, &change, &error)) { pr_server__log(s, "didChange ignored: %s", error); return; }
  pr_open_document *d = pr_server__find(s, change.uri);
  if (!d) {
    pr_server__log(s, "didChange ignored: %s is not open", change.uri);
  } else {
    uint32_t bad = 0;
    /* the text now; the parse with the review (off the loop when there is one) */
    pr_document_error err = pr_document_edit(d->doc, change.changes, change.change_count, s->caps.encoding,
                                             change.version, &bad);
    if (err == PR_DOC_BAD_RANGE)
      pr_server__log(s, "didChange rejected for %s version %lld: change %u has an impossible range "
                     "(%u:%u-%u:%u); the document is unchanged at version %lld",
                     change.uri, (long long)change.version, bad, change.changes[bad].start.line,
                     change.changes[bad].start.column, change.changes[bad].end.line, change.changes[bad].end.column,
                     (long long)pr_document_version(d->doc));
    else if (err == PR_DOC_TOO_LARGE)
      pr_server__log(s, "didChange rejected for %s: the document would exceed 1 GiB", change.uri);
    else if (err != PR_DOC_OK)
      pr_server__log(s, "didChange rejected for %s: out of memory; the document is unchanged", change.uri);
    else {
      pr_server__touch(s, d);
      pr_server__schedule(s, d);
    }
  }
  free(change.changes);
}

static void pr_server__did_close(pr_server *s, json_t *id, json_t *params) {
  const char *uri, *error;
  if (!pr_protocol_read_document_uri(params, &uri, &error)) { pr_server__log(s, "didClose ignored: %s", error); return; }
  pr_open_document *d = pr_server__find(s, uri);
  if (!d) { pr_server__log(s, "didClose ignored: %s is not open", uri); return; }
  char *copy = strdup(uri);
  pr_server__forget(s, d);
  if (copy && !s->caps.pull_diagnostics) pr_server__publish_empty(s, copy);
  free(copy);
  pr_server__release_scan(s);
  pr_server__schedule_trim(s);
}

/* The file on disk changed: a held workspace/diagnostic request is answered. */
static void pr_server__did_save(pr_server *s, json_t *id, json_t *params) { pr_server__release_scan(s); }

static void pr_server__exit(pr_server *s, json_t *id, json_t *params) {
  s->exit_code = s->state == PR_STATE_SHUT_DOWN ? 0 : 1;
  s->exited = true;
  if (s->trim_timer) uv_timer_stop(s->trim_timer);
}


/* ---------- configuration in the editor ---------- */

/* Sends a request to the client; its answer comes to pr_server__answered. */
static void pr_server__request(pr_server *s, const char *kind, const char *method, json_t *params) {
  char id[48];
  snprintf(id, sizeof id, "pyreview-%s-%llu", kind, (unsigned long long)++s->requests);
  json_t *msg = json_pack("{s:s,s:s,s:s,s:o}", "jsonrpc", "2.0", "id", id, "method", method, "params", params);
  pr_server__send(s, msg);
}

static void pr_server__review_notebook(pr_server *s, pr_open_notebook *o);

/* The settings changed (the editor's, or a configuration file): every open
 * document is classified again and reviewed when its settings changed, and a
 * pull client is asked to pull again. */
static void pr_server__settings_changed(pr_server *s) {
  for (size_t i = 0; i < s->doc_count; i++) {
    pr_open_document *d = &s->docs[i];
    pr_doc_settings before = d->settings;
    bool test = d->test_file;
    pr_server__classify(s, d);
    if (test != d->test_file || memcmp(&before, &d->settings, sizeof before)) pr_server__schedule(s, d);
  }
  for (size_t i = 0; i < s->notebook_count; i++) pr_server__review_notebook(s, &s->notebooks[i]);
  pr_server__release_scan(s);
  if (s->caps.pull_diagnostics && s->caps.diagnostic_refresh)
    pr_server__request(s, "refresh", "workspace/diagnostic/refresh", json_null());
}

static void pr_server__ask_settings(pr_server *s) {
  pr_server__request(s, "configuration", "workspace/configuration",
                     json_pack("{s:[{s:s}]}", "items", "section", "pyreview"));
}

/* initialized: ask for the editor's settings, and to hear of configuration files changing */
static void pr_server__initialized(pr_server *s, json_t *id, json_t *params) {
  if (s->caps.configuration) pr_server__ask_settings(s);
  if (s->caps.watch_dynamic)
    pr_server__request(s, "register", "client/registerCapability",
                       json_pack("{s:[{s:s,s:s,s:{s:[{s:s},{s:s}]}}]}", "registrations", "id",
                                 "pyreview-configuration-files", "method", "workspace/didChangeWatchedFiles",
                                 "registerOptions", "watchers", "globPattern", "**/pyproject.toml", "globPattern",
                                 "**/pyreview.toml"));
}

/* A response to one of the server's requests. */
static void pr_server__answered(pr_server *s, json_t *id, json_t *result, json_t *error) {
  const char *name = json_string_value(id);
  if (!name || strncmp(name, "pyreview-", 9)) return;
  if (error) {
    pr_server__log(s, "the client answered %s with an error: %s", name,
                   json_string_value(json_object_get(error, "message")) ? json_string_value(json_object_get(error, "message")) : "?");
    return;
  }
  if (strncmp(name, "pyreview-configuration-", 23)) return;
  json_t *settings = json_array_get(result, 0);
  uint64_t before = pr_editor_settings_digest(s->editor);
  pr_server__set_editor(s, json_is_object(settings) ? settings : NULL);
  if (pr_editor_settings_digest(s->editor) != before) pr_server__settings_changed(s);
}

/* didChangeConfiguration: the settings in the notification (`settings.pyreview`),
 * else asked for again */
static void pr_server__did_change_configuration(pr_server *s, json_t *id, json_t *params) {
  json_t *settings = json_object_get(json_object_get(params, "settings"), "pyreview");
  if (json_is_object(settings)) {
    uint64_t before = pr_editor_settings_digest(s->editor);
    pr_server__set_editor(s, settings);
    if (pr_editor_settings_digest(s->editor) != before) pr_server__settings_changed(s);
  } else if (s->caps.configuration) {
    pr_server__ask_settings(s);
  }
}

/* A pyproject.toml or pyreview.toml changed: read every configuration again. */
static void pr_server__did_change_watched_files(pr_server *s, json_t *id, json_t *params) {
  bool config = false;
  size_t i;
  json_t *change;
  json_array_foreach(json_object_get(params, "changes"), i, change) {
    const char *uri = json_string_value(json_object_get(change, "uri"));
    const char *base = uri ? strrchr(uri, '/') : NULL;
    base = base ? base + 1 : uri;
    config |= base && (!strcmp(base, "pyproject.toml") || !strcmp(base, "pyreview.toml"));
  }
  if (!config) return;
  if (s->finder) {
    pr_config_finder **r = realloc(s->retired, (s->retired_count + 1) * sizeof *r);
    if (!r) { pr_server__log(s, "configuration files changed, but out of memory: not read again"); return; }
    s->retired = r;
    s->retired[s->retired_count++] = s->finder;
    s->finder = NULL;
  }
  pr_server__settings_changed(s);
}

/* ---------- notebooks ---------- */

static pr_open_notebook *pr_server__find_notebook(pr_server *s, const char *uri) {
  for (size_t i = 0; i < s->notebook_count; i++)
    if (!strcmp(s->notebooks[i].nb.uri, uri)) return &s->notebooks[i];
  return NULL;
}

/* The cell `uri`'s last diagnostics, or NULL when no open notebook has it. */
static json_t *pr_server__cell_report(pr_server *s, const char *uri, const pr_open_notebook **owner) {
  for (size_t i = 0; i < s->notebook_count; i++) {
    size_t k;
    json_t *p;
    json_array_foreach(s->notebooks[i].reports, k, p) {
      if (strcmp(json_string_value(json_object_get(p, "uri")), uri)) continue;
      if (owner) *owner = &s->notebooks[i];
      return p;
    }
  }
  return NULL;
}

/* Notebooks are reviewed on the loop: a notebook is a few hundred lines, and
 * its cells are edited one at a time (measured: well under a millisecond for
 * the cells of the protocol test; a notebook of 10,000 lines costs what a
 * file of that size costs). */
static void pr_server__review_notebook(pr_server *s, pr_open_notebook *o) {
  const char *where = o->nb.path ? o->nb.path : o->nb.uri;
  const pr_config *config = NULL;
  if (o->nb.path && !s->finder) s->finder = pr_config_finder_new();
  if (o->nb.path && s->finder) {
    bool fresh = false;
    config = pr_config_find(s->finder, o->nb.path, &fresh);
    for (uint32_t m = 0; fresh && config && m < config->message_count; m++)
      pr_server__config_message(s, config->messages[m]);
  }
  pr_doc_settings settings;
  char err[256];
  pr_doc_settings_make(config, s->editor, o->nb.path,
                       o->nb.path ? pr_workspace_folder_of(&s->folders, o->nb.path) : NULL, &settings, err, sizeof err);
  bool test_file = (o->nb.path ? pr_workspace_is_test_file(&s->folders, o->nb.path) : pr_is_test_path(where)) ||
                   settings.test_by_pattern;
  json_t *reports = pr_notebook_review(&o->nb, test_file, &settings, &s->caps, s->parser);
  if (!reports) {
    pr_server__log(s, "%s: not reviewed (out of memory, or not parsed within %u ms)", o->nb.uri,
                   pr_parse_time_limit_ms());
    return;
  }
  /* push: every cell, and an empty list for cells that had findings before */
  if (!s->caps.pull_diagnostics) {
    size_t i;
    json_t *p;
    json_array_foreach(o->reports, i, p) {
      const char *uri = json_string_value(json_object_get(p, "uri"));
      bool still = false;
      size_t k;
      json_t *q;
      json_array_foreach(reports, k, q) still = still || !strcmp(json_string_value(json_object_get(q, "uri")), uri);
      if (!still) pr_server__publish_empty(s, uri);
    }
    json_array_foreach(reports, i, p)
      pr_server__send(s, pr_protocol_notification_new("textDocument/publishDiagnostics", json_incref(p)));
  }
  json_decref(o->reports);
  o->reports = reports;
  o->seq = ++s->result_seq;
}

static void pr_server__notebook_open(pr_server *s, json_t *id, json_t *params) {
  const char *error;
  pr_notebook nb;
  if (!pr_notebook_open(&nb, params, &error)) { pr_server__log(s, "notebookDocument/didOpen ignored: %s", error); return; }
  pr_open_notebook *o = pr_server__find_notebook(s, nb.uri);
  if (o) {  /* re-opened without a close: start over */
    pr_notebook_free(&o->nb);
    json_decref(o->reports);
    o->reports = NULL;
  } else {
    if (s->notebook_count == s->notebook_cap) {
      size_t cap = s->notebook_cap ? s->notebook_cap * 2 : 4;
      pr_open_notebook *p = realloc(s->notebooks, cap * sizeof *p);
      if (!p) { pr_server__log(s, "%s: out of memory, not opened", nb.uri); pr_notebook_free(&nb); return; }
      s->notebooks = p;
      s->notebook_cap = cap;
    }
    o = &s->notebooks[s->notebook_count++];
    memset(o, 0, sizeof *o);
  }
  o->nb = nb;
  pr_server__review_notebook(s, o);
}

static void pr_server__notebook_change(pr_server *s, json_t *id, json_t *params) {
  const char *uri = json_string_value(json_object_get(json_object_get(params, "notebookDocument"), "uri"));
  pr_open_notebook *o = uri ? pr_server__find_notebook(s, uri) : NULL;
  if (!o) { pr_server__log(s, "notebookDocument/didChange ignored: %s is not open", uri ? uri : "(no uri)"); return; }
  const char *error;
  if (!pr_notebook_change(&o->nb, params, s->caps.encoding, &error))
    pr_server__log(s, "notebookDocument/didChange for %s: %s", uri, error);
  pr_server__review_notebook(s, o);
}

static void pr_server__notebook_close(pr_server *s, json_t *id, json_t *params) {
  const char *uri = json_string_value(json_object_get(json_object_get(params, "notebookDocument"), "uri"));
  pr_open_notebook *o = uri ? pr_server__find_notebook(s, uri) : NULL;
  if (!o) { pr_server__log(s, "notebookDocument/didClose ignored: %s is not open", uri ? uri : "(no uri)"); return; }
  if (!s->caps.pull_diagnostics) {
    size_t i;
    json_t *p;
    json_array_foreach(o->reports, i, p) pr_server__publish_empty(s, json_string_value(json_object_get(p, "uri")));
  }
  pr_notebook_free(&o->nb);
  json_decref(o->reports);
  *o = s->notebooks[--s->notebook_count];
  pr_server__release_scan(s);
}

/* ---------- pull diagnostics, cancellation, trace ---------- */

static void pr_server__diagnostic(pr_server *s, json_t *id, json_t *params) {
  const char *uri, *previous, *error;
  if (!pr_protocol_read_diagnostic(params, &uri, &previous, &error)) {
    pr_server__error(s, id, PR_RPC_INVALID_PARAMS, "%s", error);
    return;
  }
  pr_open_document *d = pr_server__find(s, uri);
  const pr_open_notebook *owner = NULL;
  json_t *cell = d ? NULL : pr_server__cell_report(s, uri, &owner);
  if (cell) {  /* a notebook cell: its part of the notebook's last review */
    char rid[48];
    snprintf(rid, sizeof rid, "nb-%llu", (unsigned long long)owner->seq);
    json_t *items = previous && !strcmp(previous, rid) ? NULL : json_incref(json_object_get(cell, "diagnostics"));
    pr_server__send(s, pr_protocol_response_new(id, pr_protocol_diagnostic_report_new(rid, items)));
    return;
  }
  if (!d) {
    pr_server__send(s, pr_protocol_response_new(id, pr_protocol_diagnostic_report_new("closed", json_array())));
    return;
  }
  if (!d->dirty && !d->busy && d->items) {
    pr_server__answer_pull(s, d, id, previous);
    return;
  }
  /* a review runs or is due: answer when it is delivered */
  pr_pull *p = realloc(d->pulls, (d->pull_count + 1) * sizeof *p);
  if (!p) { pr_server__error(s, id, PR_RPC_INTERNAL_ERROR, "out of memory"); return; }
  d->pulls = p;
  p[d->pull_count].id = json_incref(id);
  p[d->pull_count].previous = previous ? strdup(previous) : NULL;
  d->pull_count++;
  if (!d->busy) pr_server__schedule(s, d);
}

/* ---------- workspace diagnostics ---------- */

/* One workspace/diagnostic request: its files listed, then reviewed from disk
 * in batches off the loop (the worker also serves the open documents between
 * batches); each batch is streamed as a partial result when the client gave a
 * token, with work-done progress when it gave one of those. */
#define PR_SCAN_BATCH 16

typedef struct pr_scan {
  uv_work_t work;
  pr_server *server;
  json_t *id;
  json_t *work_token, *partial_token;  /* NULL when the client gave none */
  json_t *previous;          /* uri -> previous resultId */
  pr_workspace_folders folders;  /* a copy, for the worker */
  pr_client_caps caps;       /* a copy, for the worker (no strings) */
  pr_workspace_files files;
  bool listed;
  uint32_t next, from;       /* the next file; the batch the worker does is [from, next) */
  json_t *batch;             /* the worker's reports of the current batch */
  json_t *log;               /* the worker's messages, logged on the loop */
  json_t *all;               /* every report, when nothing is streamed */
  uint32_t full_reports;     /* reports that are not "unchanged" */
  TSParser *parser;
  pr_config_finder *finder;  /* the scan's own (the worker reads configuration files) */
  bool cancelled;
  bool held;                 /* nothing changed: answered when something may have */
  bool no_hold;              /* something may have changed while it ran: answer, never hold */
} pr_scan;

static void pr_scan__progress(pr_server *s, pr_scan *sc, const char *kind, const char *message, int percentage) {
  if (!sc->work_token) return;
  json_t *value = json_pack("{s:s,s:s}", "kind", kind, "message", message);
  if (!value) return;
  if (!strcmp(kind, "begin")) {
    json_object_set_new(value, "title", json_string("pyreview"));
    json_object_set_new(value, "cancellable", json_false());
  }
  if (percentage >= 0) json_object_set_new(value, "percentage", json_integer(percentage));
  pr_server__send(s, pr_protocol_notification_new("$/progress",
                                                  json_pack("{s:O,s:o}", "token", sc->work_token, "value", value)));
}

static void pr_scan__free(pr_scan *sc) {
  json_decref(sc->id);
  json_decref(sc->work_token);
  json_decref(sc->partial_token);
  json_decref(sc->previous);
  json_decref(sc->batch);
  json_decref(sc->log);
  json_decref(sc->all);
  pr_workspace_folders_free(&sc->folders);
  pr_workspace_files_free(&sc->files);
  if (sc->parser) ts_parser_delete(sc->parser);
  pr_config_finder_free(sc->finder);
  free(sc);
}

/* The response; the request is done. */
static void pr_scan__finish(pr_server *s, pr_scan *sc, bool cancelled) {
  if (s->exited) {  /* nothing more is written after exit */
    if (s->scan == sc) s->scan = NULL;
    pr_scan__free(sc);
    return;
  }
  /* the progress ends before the answer, which ends the request */
  char msg[64];
  snprintf(msg, sizeof msg, "%u files reviewed", sc->files.count);
  pr_scan__progress(s, sc, "end", cancelled ? "cancelled" : msg, -1);
  if (cancelled) {
    pr_server__error(s, sc->id, PR_RPC_REQUEST_CANCELLED, "cancelled");
  } else {
    json_t *items = sc->all ? json_incref(sc->all) : json_array();
    pr_server__send(s, pr_protocol_response_new(sc->id, json_pack("{s:o}", "items", items)));
  }
  if (s->scan == sc) s->scan = NULL;
  pr_scan__free(sc);
}

static void pr_scan__work(uv_work_t *work) {
  pr_scan *sc = work->data;
  if (!sc->listed) {
    sc->listed = pr_workspace_list(&sc->folders, &sc->files, sc->log);
    return;
  }
  char err[600];
  for (uint32_t i = sc->from; i < sc->next; i++) {
    const pr_workspace_file *f = &sc->files.items[i];
    const char *prev = json_string_value(json_object_get(sc->previous, f->uri));
    json_t *r = pr_workspace_report(&sc->folders, f, prev, &sc->caps, sc->finder, sc->parser, err, sizeof err);
    if (r) json_array_append_new(sc->batch, r);
    else json_array_append_new(sc->log, json_string(err));
  }
}

static void pr_scan__step(pr_server *s, pr_scan *sc);

static void pr_scan__done(uv_work_t *work, int status) {
  pr_scan *sc = work->data;
  pr_server *s = sc->server;
  s->jobs--;
  pr_scan__step(s, sc);
}

/* Takes the worker's results, then starts the next batch or answers. */
static void pr_scan__step(pr_server *s, pr_scan *sc) {
  size_t i;
  json_t *v;
  json_array_foreach(sc->log, i, v) pr_server__log(s, "workspace diagnostics: %s", json_string_value(v));
  json_array_clear(sc->log);
  if (sc->cancelled || s->exited || s->state != PR_STATE_RUNNING) { pr_scan__finish(s, sc, true); return; }
  /* an open document's diagnostics are its own (textDocument/diagnostic) */
  json_t *kept = json_array();
  json_array_foreach(sc->batch, i, v) {
    if (pr_server__find(s, json_string_value(json_object_get(v, "uri")))) continue;
    if (strcmp(json_string_value(json_object_get(v, "kind")), "unchanged")) sc->full_reports++;
    json_array_append(kept, v);
  }
  json_array_clear(sc->batch);
  if (json_array_size(kept)) {
    if (sc->partial_token)
      pr_server__send(s, pr_protocol_notification_new(
                             "$/progress", json_pack("{s:O,s:{s:O}}", "token", sc->partial_token, "value", "items", kept)));
    else
      json_array_extend(sc->all, kept);
  }
  json_decref(kept);
  if (sc->listed && sc->next > 0) {
    char msg[64];
    snprintf(msg, sizeof msg, "%u/%u files", sc->next, sc->files.count);
    pr_scan__progress(s, sc, "report", msg, sc->files.count ? (int)((uint64_t)sc->next * 100 / sc->files.count) : 100);
  }
  if (sc->listed && sc->next >= sc->files.count) {
    /* a client that had every result already would ask again at once: wait
       until something may have changed (a save, a close, new folders) */
    bool same = json_object_size(sc->previous) && !sc->full_reports &&
                json_object_size(sc->previous) == sc->files.count;
    if (same && s->loop && !sc->no_hold) {
      sc->held = true;
      return;
    }
    pr_scan__finish(s, sc, false);
    return;
  }
  if (!sc->listed && sc->work.data) {  /* the listing failed */
    pr_server__log(s, "workspace diagnostics: out of memory while listing the files");
    pr_scan__finish(s, sc, false);
    return;
  }
  if (sc->listed) {
    sc->from = sc->next;
    sc->next = sc->from + PR_SCAN_BATCH < sc->files.count ? sc->from + PR_SCAN_BATCH : sc->files.count;
  }
  sc->work.data = sc;
  if (!s->loop) {
    pr_scan__work(&sc->work);
    pr_scan__step(s, sc);
    return;
  }
  if (uv_queue_work(s->loop, &sc->work, pr_scan__work, pr_scan__done) != 0) {
    pr_server__log(s, "workspace diagnostics: could not start a review");
    pr_scan__finish(s, sc, false);
    return;
  }
  s->jobs++;
}

/* A held request is answered (with nothing new) when the files may have
 * changed; the client then asks again with its resultIds. */
static void pr_server__release_scan(pr_server *s) {
  if (!s->scan) return;
  if (s->scan->held) pr_scan__finish(s, s->scan, false);
  else s->scan->no_hold = true;  /* still running: the files may have changed under it, answer when done */
}

/* shutdown: a held request is answered, a running one cancelled */
static void pr_server__stop_scan(pr_server *s) {
  pr_server__release_scan(s);
  if (s->scan) s->scan->cancelled = true;
}

static void pr_server__workspace_diagnostic(pr_server *s, json_t *id, json_t *params) {
  if (s->io.no_disk) {
    pr_server__send(s, pr_protocol_response_new(id, json_pack("{s:[]}", "items")));
    return;
  }
  if (s->scan) {
    /* one at a time: the older request is answered as it stands */
    if (s->scan->held) pr_scan__finish(s, s->scan, false);
    else { s->scan->cancelled = true; s->scan = NULL; }
  }
  pr_scan *sc = calloc(1, sizeof *sc);
  if (!sc) { pr_server__error(s, id, PR_RPC_INTERNAL_ERROR, "out of memory"); return; }
  sc->server = s;
  sc->id = json_incref(id);
  json_t *wt = json_object_get(params, "workDoneToken"), *pt = json_object_get(params, "partialResultToken");
  if (json_is_string(wt) || json_is_integer(wt)) sc->work_token = json_incref(wt);
  if (json_is_string(pt) || json_is_integer(pt)) sc->partial_token = json_incref(pt);
  sc->previous = json_object();
  size_t i;
  json_t *v;
  json_array_foreach(json_object_get(params, "previousResultIds"), i, v) {
    json_t *uri = json_object_get(v, "uri"), *value = json_object_get(v, "value");
    if (json_is_string(uri) && json_is_string(value)) json_object_set(sc->previous, json_string_value(uri), value);
  }
  sc->batch = json_array();
  sc->log = json_array();
  sc->all = sc->partial_token ? NULL : json_array();
  sc->caps = s->caps;
  sc->caps.root_path = NULL;
  sc->parser = pr_parser_new();
  sc->finder = pr_config_finder_new();
  if (!sc->finder || !sc->previous || !sc->batch || !sc->log || (!sc->partial_token && !sc->all) || !sc->parser ||
      !pr_workspace_folders_copy(&s->folders, &sc->folders)) {
    pr_server__error(s, id, PR_RPC_INTERNAL_ERROR, "out of memory");
    pr_scan__free(sc);
    return;
  }
  s->scan = sc;
  pr_scan__progress(s, sc, "begin", "listing the workspace's Python files", 0);
  pr_scan__step(s, sc);
}

static void pr_server__did_change_folders(pr_server *s, json_t *id, json_t *params) {
  json_t *event = json_object_get(params, "event");
  for (int removed = 1; removed >= 0; removed--) {
    size_t i;
    json_t *folder;
    json_array_foreach(json_object_get(event, removed ? "removed" : "added"), i, folder) {
      const char *uri = json_string_value(json_object_get(folder, "uri"));
      if (uri && !pr_workspace_folders_update(&s->folders, uri, removed))
        pr_server__log(s, "workspace folder %s ignored: not a file: URI", uri);
    }
  }
  /* test code is classified by the innermost folder: it may have changed */
  for (size_t i = 0; i < s->doc_count; i++) {
    bool was = s->docs[i].test_file;
    pr_server__classify(s, &s->docs[i]);
    if (was != s->docs[i].test_file) pr_server__schedule(s, &s->docs[i]);
  }
  pr_server__release_scan(s);
}

static void pr_server__set_trace(pr_server *s, json_t *id, json_t *params) {
  const char *v = json_string_value(json_object_get(params, "value"));
  if (v) {
    s->tracing = strcmp(v, "off") != 0;
    s->trace_verbose = strcmp(v, "verbose") == 0;
  }
}

static void pr_server__cancel(pr_server *s, json_t *id, json_t *params) {
  json_t *target = json_object_get(params, "id");
  if (!target) return;
  if (s->scan && json_equal(s->scan->id, target)) {
    if (s->scan->held) pr_scan__finish(s, s->scan, true);
    else s->scan->cancelled = true;  /* answered when its batch is back */
    return;
  }
  for (size_t i = 0; i < s->doc_count; i++) {
    pr_open_document *d = &s->docs[i];
    for (uint32_t j = 0; j < d->pull_count; j++) {
      if (!json_equal(d->pulls[j].id, target)) continue;
      pr_server__error(s, d->pulls[j].id, PR_RPC_REQUEST_CANCELLED, "cancelled");
      json_decref(d->pulls[j].id);
      free(d->pulls[j].previous);
      d->pulls[j] = d->pulls[--d->pull_count];
      return;
    }
  }
  /* every other request is answered as it arrives: nothing left to cancel */
}

/* ---------- code actions and hover ---------- */

/* Every fix of the document, applied until none is left (core/fixes.h). */
static char *pr_server__fixed_text(pr_server *s, const pr_open_document *d, uint32_t *out_len) {
  pr_review_options options = {.path = d->path ? d->path : d->uri, .test_file = d->test_file,
                               .selection = &d->settings.selection, .thresholds = &d->settings.thresholds,
                               .severity = d->settings.severity};
  uint32_t applied;
  return pr_fix_all(s->parser, pr_document_text(d->doc), pr_document_length(d->doc), &options, out_len, &applied);
}

static json_t *pr_server__action_new(const char *title, const char *kind, const char *uri, json_t *edits,
                                     json_t *diagnostic) {
  json_t *a = json_pack("{s:s,s:s,s:{s:{s:o}}}", "title", title, "kind", kind, "edit", "changes", uri, edits);
  if (a && diagnostic) json_object_set_new(a, "diagnostics", json_pack("[O]", diagnostic));
  return a;
}

/* The `# noqa: CODE` edit for a diagnostic of d's last review, found among
 * its marks by range and code (the client sends the diagnostic back; the
 * edit is not in it, which keeps every publish a third smaller), or NULL. */
static json_t *pr_server__noqa_edit(const pr_server *s, const pr_open_document *d, json_t *diag, const char *code) {
  pr_position at[2];
  uint32_t byte[2];
  if (!pr_protocol_read_range(json_object_get(diag, "range"), &at[0], &at[1]) ||
      !pr_document_offset(d->doc, at[0], s->caps.encoding, &byte[0]) ||
      !pr_document_offset(d->doc, at[1], s->caps.encoding, &byte[1]))
    return NULL;
  for (uint32_t i = 0; i < d->mark_count; i++) {
    const pr_mark *m = &d->marks[i];
    if (m->start != byte[0] || m->end != byte[1] || strcmp(m->rule->code, code)) continue;
    const pr_line_index *lines = pr_document_lines(d->doc);
    uint32_t row = pr_line_index_row(lines, m->stmt_end > m->stmt_start ? m->stmt_end - 1 : m->stmt_end), noqa;
    char insert[96];
    if (!pr_suppression_edit(pr_document_text(d->doc), pr_document_length(d->doc), lines, row, m->rule->code, &noqa,
                             insert, sizeof insert))
      return NULL;
    return pr_protocol_text_edit_new(d->doc, noqa, noqa, insert, s->caps.encoding);
  }
  return NULL;
}

static void pr_server__code_action(pr_server *s, json_t *id, json_t *params) {
  pr_code_action_params p;
  const char *error;
  if (!pr_protocol_read_code_action(params, &p, &error)) {
    pr_server__error(s, id, PR_RPC_INVALID_PARAMS, "%s", error);
    return;
  }
  pr_open_document *d = pr_server__find(s, p.uri);
  json_t *actions = json_array();
  if (d && p.quick_fixes && p.diagnostics) {
    size_t i;
    json_t *diag;
    json_array_foreach(p.diagnostics, i, diag) {
      json_t *data = json_object_get(diag, "data");
      const char *code = json_string_value(json_object_get(diag, "code"));
      json_t *version = json_object_get(data, "version");
      /* only our own diagnostics, and only of the text they were computed on */
      if (!code || !json_is_integer(version) || json_integer_value(version) != pr_document_version(d->doc) ||
          strcmp(json_string_value(json_object_get(diag, "source")) ? json_string_value(json_object_get(diag, "source")) : "", "pyreview"))
        continue;
      json_t *fix = json_object_get(data, "fix");
      const char *title = json_string_value(json_object_get(fix, "title"));
      json_t *edits = json_object_get(fix, "edits");
      if (title && json_is_array(edits) && json_array_size(edits)) {
        json_t *a = pr_server__action_new(title, "quickfix", p.uri, json_deep_copy(edits), diag);
        if (a) {
          json_object_set_new(a, "isPreferred", json_true());
          json_array_append_new(actions, a);
        }
      }
      json_t *noqa = pr_server__noqa_edit(s, d, diag, code);
      if (noqa) {
        char t[96];
        snprintf(t, sizeof t, "Disable %.16s for this line", code);
        json_t *a = pr_server__action_new(t, "quickfix", p.uri, json_pack("[o]", noqa), diag);
        if (a) json_array_append_new(actions, a);
      }
    }
  }
  if (d && p.fix_all && s->caps.resolve_edits) {
    /* fixing until stable re-reviews the file: only when the client picks it */
    json_t *a = json_pack("{s:s,s:s,s:{s:s,s:I}}", "title", "Fix all pyreview findings", "kind",
                          "source.fixAll.pyreview", "data", "uri", p.uri, "version",
                          (json_int_t)pr_document_version(d->doc));
    if (a) json_array_append_new(actions, a);
  } else if (d && p.fix_all) {
    uint32_t len;
    char *text = pr_server__fixed_text(s, d, &len);
    if (text) {
      json_t *edit = pr_protocol_text_edit_new(d->doc, 0, pr_document_length(d->doc), text, s->caps.encoding);
      json_t *a = edit ? pr_server__action_new("Fix all pyreview findings", "source.fixAll.pyreview", p.uri,
                                               json_pack("[o]", edit), NULL)
                       : NULL;
      if (a) json_array_append_new(actions, a);
      free(text);
    }
  }
  pr_server__send(s, pr_protocol_response_new(id, actions));
}

/* codeAction/resolve: the edit of a source.fixAll.pyreview action listed
 * without it. An action for a document that has changed or closed since
 * comes back without an edit (the client then lists actions again). */
static void pr_server__code_action_resolve(pr_server *s, json_t *id, json_t *params) {
  json_t *data = json_object_get(params, "data");
  const char *uri = json_string_value(json_object_get(data, "uri"));
  json_t *version = json_object_get(data, "version");
  if (!json_is_object(params) || !uri || !json_is_integer(version)) {
    pr_server__error(s, id, PR_RPC_INVALID_PARAMS, "codeAction/resolve needs an action this server listed");
    return;
  }
  json_t *action = json_deep_copy(params);
  pr_open_document *d = pr_server__find(s, uri);
  if (!d || pr_document_version(d->doc) != json_integer_value(version)) {
    pr_server__log(s, "codeAction/resolve: %s changed or closed since the action was listed; no edit", uri);
  } else {
    uint32_t len;
    char *text = pr_server__fixed_text(s, d, &len);
    json_t *edit = text ? pr_protocol_text_edit_new(d->doc, 0, pr_document_length(d->doc), text, s->caps.encoding)
                        : NULL;
    /* nothing to fix: an empty edit */
    json_t *edits = edit ? json_pack("[o]", edit) : json_array();
    json_object_set_new(action, "edit", json_pack("{s:{s:o}}", "changes", uri, edits));
    free(text);
  }
  pr_server__send(s, pr_protocol_response_new(id, action));
}

/* The rule a hover at byte `at` is about: a finding's range, or a code or name
 * written in a suppression comment. */
static const pr_rule *pr_server__rule_at(const pr_open_document *d, uint32_t at, uint32_t *start, uint32_t *end) {
  for (uint32_t i = 0; i < d->mark_count; i++) {
    const pr_mark *m = &d->marks[i];
    if ((m->start <= at && at < m->end) || (m->start == m->end && at == m->start)) {
      *start = m->start;
      *end = m->end;
      return m->rule;
    }
  }
  const char *t = pr_document_text(d->doc);
  uint32_t n = pr_document_length(d->doc), a = at, b = at;
#define PR_WORD(c) (((c) >= 'A' && (c) <= 'Z') || ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') || (c) == '-' || (c) == '_')
  while (a > 0 && PR_WORD(t[a - 1])) a--;
  while (b < n && PR_WORD(t[b])) b++;
#undef PR_WORD
  if (a == b) return NULL;
  /* in a comment: a '#' earlier on the line */
  uint32_t l = a;
  while (l > 0 && t[l - 1] != '\n' && t[l - 1] != '\r' && t[l - 1] != '#') l--;
  if (l == 0 || t[l - 1] != '#') return NULL;
  const pr_rule *r = pr_rule_lookup(t + a, b - a);
  if (r) { *start = a; *end = b; }
  return r;
}

static void pr_server__hover(pr_server *s, json_t *id, json_t *params) {
  const char *uri, *error;
  pr_position pos;
  if (!pr_protocol_read_position(params, &uri, &pos, &error)) {
    pr_server__error(s, id, PR_RPC_INVALID_PARAMS, "%s", error);
    return;
  }
  pr_open_document *d = pr_server__find(s, uri);
  uint32_t at, start = 0, end = 0;
  const pr_rule *rule = d && pr_document_offset(d->doc, pos, s->caps.encoding, &at) ? pr_server__rule_at(d, at, &start, &end) : NULL;
  if (!rule) {
    pr_server__send(s, pr_protocol_response_new(id, json_null()));
    return;
  }
  char head[512];
  int n = snprintf(head, sizeof head, "**%s** `%s` (%s, %s)", rule->code, rule->name, rule->category,
                   pr_severity_name(rule->severity));
  if (rule->cwe)
    snprintf(head + n, sizeof head - (size_t)n, " — [CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)",
             rule->cwe, rule->cwe);
  size_t size = strlen(head) + strlen(rule->summary) + strlen(rule->doc) + 8;
  char *md = malloc(size);
  if (!md) { pr_server__send(s, pr_protocol_response_new(id, json_null())); return; }
  snprintf(md, size, "%s\n\n%s\n\n%s", head, rule->summary, rule->doc);
  json_t *result = json_pack("{s:{s:s,s:s}}", "contents", "kind", "markdown", "value", md);
  free(md);
  if (result)
    json_object_set_new(result, "range", json_pack("{s:{s:i,s:i},s:{s:i,s:i}}",
      "start", "line", (json_int_t)pr_document_position(d->doc, start, s->caps.encoding).line,
      "character", (json_int_t)pr_document_position(d->doc, start, s->caps.encoding).column,
      "end", "line", (json_int_t)pr_document_position(d->doc, end, s->caps.encoding).line,
      "character", (json_int_t)pr_document_position(d->doc, end, s->caps.encoding).column));
  pr_server__send(s, pr_protocol_response_new(id, result ? result : json_null()));
}

typedef struct pr_method {
  const char *name;
  pr_handler handler;
  bool request;          /* false: a notification */
} pr_method;

static const pr_method pr_methods[] = {
  {"initialize", pr_server__initialize, true},
  {"shutdown", pr_server__shutdown, true},
  {"initialized", pr_server__initialized, false},
  {"exit", pr_server__exit, false},
  {"textDocument/didOpen", pr_server__did_open, false},
  {"textDocument/didChange", pr_server__did_change, false},
  {"textDocument/didClose", pr_server__did_close, false},
  {"textDocument/didSave", pr_server__did_save, false},
  {"workspace/didChangeConfiguration", pr_server__did_change_configuration, false},
  {"workspace/didChangeWatchedFiles", pr_server__did_change_watched_files, false},
  {"textDocument/codeAction", pr_server__code_action, true},
  {"codeAction/resolve", pr_server__code_action_resolve, true},
  {"textDocument/diagnostic", pr_server__diagnostic, true},
  {"$/cancelRequest", pr_server__cancel, false},
  {"$/setTrace", pr_server__set_trace, false},
  {"textDocument/hover", pr_server__hover, true},
  {"workspace/diagnostic", pr_server__workspace_diagnostic, true},
  {"notebookDocument/didOpen", pr_server__notebook_open, false},
  {"notebookDocument/didChange", pr_server__notebook_change, false},
  {"notebookDocument/didSave", pr_server__did_save, false},
  {"notebookDocument/didClose", pr_server__notebook_close, false},
  {"workspace/didChangeWorkspaceFolders", pr_server__did_change_folders, false},
};

static void pr_server__dispatch(pr_server *s, json_t *msg) {
  json_t *id = json_object_get(msg, "id");
  json_t *method = json_object_get(msg, "method");
  bool has_id = id != NULL;
  if (has_id && !json_is_string(id) && !json_is_integer(id) && !json_is_null(id)) {
    pr_server__error(s, NULL, PR_RPC_INVALID_REQUEST, "the id must be a number or a string");
    return;
  }
  if (!method) {
    if (has_id && (json_object_get(msg, "result") || json_object_get(msg, "error"))) {  /* a response to us */
      pr_server__answered(s, id, json_object_get(msg, "result"), json_object_get(msg, "error"));
      return;
    }
    pr_server__error(s, id, PR_RPC_INVALID_REQUEST, "a message needs a method");
    return;
  }
  if (!json_is_string(method)) {
    if (has_id) pr_server__error(s, id, PR_RPC_INVALID_REQUEST, "the method must be a string");
    else pr_server__log(s, "dropped a notification whose method is not a string");
    return;
  }
  const char *name = json_string_value(method);
  /* jansson strings may hold NULs: "initialize\u0000x" is no known method */
  bool name_has_nul = strlen(name) != json_string_length(method);
  json_t *params = json_object_get(msg, "params");
  if (json_is_null(params)) params = NULL;  /* eglot sends `"params": null` with shutdown and exit */
  if (params && !json_is_object(params) && !json_is_array(params)) {
    if (has_id) pr_server__error(s, id, PR_RPC_INVALID_PARAMS, "params must be an object or an array");
    else pr_server__log(s, "%s ignored: params must be an object or an array", name);
    return;
  }
  const pr_method *m = NULL;
  for (size_t i = 0; i < sizeof pr_methods / sizeof pr_methods[0] && !name_has_nul; i++)
    if (!strcmp(pr_methods[i].name, name)) { m = &pr_methods[i]; break; }
  if (m && !strcmp(m->name, "exit")) { m->handler(s, id, params); return; }
  if (s->state == PR_STATE_STARTING && !(m && !strcmp(m->name, "initialize"))) {
    if (has_id) pr_server__error(s, id, PR_RPC_SERVER_NOT_INITIALIZED, "%s before initialize", name);
    return;  /* notifications before initialize are dropped, as the specification says */
  }
  if (s->state == PR_STATE_SHUT_DOWN) {
    if (has_id) pr_server__error(s, id, PR_RPC_INVALID_REQUEST, "%s after shutdown", name);
    return;
  }
  if (!m) {
    if (has_id) pr_server__error(s, id, PR_RPC_METHOD_NOT_FOUND, "unknown method %s", name);
    return;  /* unknown notifications, $/cancelRequest and friends included, are ignored */
  }
  if (m->request && !has_id) {
    pr_server__log(s, "%s sent as a notification; ignored", name);
    return;
  }
  if (!m->request && has_id) {
    pr_server__error(s, id, PR_RPC_INVALID_REQUEST, "%s is a notification and takes no id", name);
    return;
  }
  m->handler(s, id, params);
}

/* ---------- the dispatcher's interface ---------- */

static void pr_server__free_timer(uv_handle_t *h) { free(h); }

pr_server *pr_server_new(struct uv_loop_s *loop, const pr_server_io *io) {
  if (!io || !io->write) return NULL;
  pr_server *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->io = *io;
  s->loop = loop;
  s->parser = pr_parser_new();
  if (!s->parser) { free(s); return NULL; }
  if (loop) {
    /* malloc'd apart: libuv needs the handle until its close callback, which
       runs after pr_server_free has released the rest */
    s->trim_timer = malloc(sizeof *s->trim_timer);
    if (s->trim_timer && uv_timer_init(loop, s->trim_timer) == 0) {
      s->trim_timer->data = s;
      uv_unref((uv_handle_t *)s->trim_timer);  /* never keeps the server alive */
    } else {
      free(s->trim_timer);  /* no trims then: memory goes back later, nothing else changes */
      s->trim_timer = NULL;
    }
  }
  return s;
}

void pr_server_handle_message(pr_server *s, const char *body, size_t len) {
  if (s->exited) return;
  json_error_t err;
  json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &err);
  if (!msg) {
    pr_server__log(s, "malformed JSON (%s at %d:%d); answered with a parse error", err.text, err.line, err.column);
    pr_server__error(s, NULL, PR_RPC_PARSE_ERROR, "malformed JSON: %s", err.text);
    return;
  }
  if (!json_is_object(msg)) {
    pr_server__error(s, NULL, PR_RPC_INVALID_REQUEST, "a message must be a JSON object");
  } else {
    pr_server__dispatch(s, msg);
  }
  json_decref(msg);
}

bool pr_server_wants_exit(const pr_server *s) { return s->exited; }

int pr_server_exit_code(const pr_server *s) { return s->exit_code; }

void pr_server_free(pr_server *s) {
  if (!s) return;
  while (s->doc_count) pr_server__forget(s, &s->docs[0]);
  free(s->docs);
  free(s->caps.root_path);
  if (s->scan && s->scan->held) pr_scan__free(s->scan);  /* running ones end with the loop, before this */
  pr_workspace_folders_free(&s->folders);
  pr_config_finder_free(s->finder);
  for (uint32_t i = 0; i < s->retired_count; i++) pr_config_finder_free(s->retired[i]);
  free(s->retired);
  pr_editor_settings_free(s->editor);
  for (size_t i = 0; i < s->notebook_count; i++) {
    pr_notebook_free(&s->notebooks[i].nb);
    json_decref(s->notebooks[i].reports);
  }
  free(s->notebooks);
  pr_reaper_free(s->reaper);  /* after the documents: their last garbage goes there too */
  ts_parser_delete(s->parser);
  while (s->idle_parser_count) ts_parser_delete(s->idle_parsers[--s->idle_parser_count]);
  if (s->trim_timer) uv_close((uv_handle_t *)s->trim_timer, pr_server__free_timer);
  free(s);
}

/* ---------- stdin/stdout: the dispatcher behind a transport ---------- */

typedef struct pr_server_main_ctx {
  uv_loop_t loop;
  pr_server *server;
  pr_transport *transport;  /* NULL once closed */
  bool closing;
} pr_server_main_ctx;

static void pr_server__main_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void pr_server__main_log(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("pyreview: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

static void pr_server__on_write(void *user, const char *body, size_t len) {
  pr_server_main_ctx *m = user;
  if (m->transport) pr_transport_send(m->transport, body, len);
}

static void pr_server__on_closed(void *user) {
  pr_server_main_ctx *m = user;
  m->transport = NULL;
}

static void pr_server__stop(pr_server_main_ctx *m) {
  if (m->closing) return;
  m->closing = true;
  if (m->transport) pr_transport_close(m->transport, pr_server__on_closed);
}

static void pr_server__on_message(void *user, const char *body, size_t len) {
  pr_server_main_ctx *m = user;
  if (m->closing) return;
  pr_server_handle_message(m->server, body, len);
  if (pr_server_wants_exit(m->server)) pr_server__stop(m);
}

static void pr_server__on_log(void *user, const char *line) { pr_server__main_log("%s", line); }

static void pr_server__on_eof(void *user) {
  /* the client went away: nothing to save, nothing lost; exit cleanly */
  pr_server__stop(user);
}

static void pr_server__on_signal(void *user, int signum) {
  pr_server__main_log("received signal %d; exiting", signum);
  pr_server__stop(user);
}

int pr_server_main(void) {
  /* Reviews run on libuv's worker threads; with glibc's per-thread arenas the
     memory they free would stay with each thread. One arena lets malloc_trim
     give it all back after closes (reviews allocate little beyond their own
     bump arena, so the shared lock costs nothing measurable). */
  mallopt(M_ARENA_MAX, 1);
  /* One worker: reviews are short and run one at a time anyway (the newest
     version of each document), and every extra thread keeps the stack pages
     its reviews touched (about 1 MB each) after the documents are closed. An
     explicit UV_THREADPOOL_SIZE from the environment wins. */
  setenv("UV_THREADPOOL_SIZE", "1", 0);
  pr_server_main_ctx *m = calloc(1, sizeof *m);
  if (!m) return 1;
  int rc = 1;
  if (uv_loop_init(&m->loop) != 0) goto fail_loop;
  pr_server_io io = {.write = pr_server__on_write, .user = m};
  m->server = pr_server_new(&m->loop, &io);
  if (!m->server) goto fail_server;
  pr_transport_callbacks cb = {
    .on_message = pr_server__on_message, .on_log = pr_server__on_log,
    .on_eof = pr_server__on_eof, .on_signal = pr_server__on_signal};
  int err = pr_transport_new(&m->loop, 0, 1, &cb, m, &m->transport);
  if (err) {
    pr_server__main_log("cannot use stdin/stdout: %s", uv_strerror(err));
    uv_run(&m->loop, UV_RUN_DEFAULT);
  } else {
    uv_run(&m->loop, UV_RUN_DEFAULT);
    rc = pr_server_exit_code(m->server);
  }
  pr_server_free(m->server);
fail_server:
  uv_run(&m->loop, UV_RUN_DEFAULT);  /* completes the trim timer's close */
  uv_loop_close(&m->loop);
fail_loop:
  free(m);
  return rc;
}
