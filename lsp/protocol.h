/* protocol.h - LSP messages as C values: the only place LSP's JSON shapes and
 * camelCase names appear. Like clangd's Protocol.h this does not mirror the
 * specification; it reads the bits pyreview uses and writes what it sends.
 *
 * jansson vocabulary: functions named *_new return a NEW reference the caller
 * owns (json_decref); parsed structs hold BORROWED pointers into the json_t they
 * were read from, valid while it lives. */
#ifndef PR_PROTOCOL_H
#define PR_PROTOCOL_H

#include "document.h"
#include "engine.h"
#include "report.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

/* JSON-RPC and LSP error codes. */
#define PR_RPC_ERRORS(X)                                   \
  X(PARSE_ERROR, -32700, "parse error")                    \
  X(INVALID_REQUEST, -32600, "invalid request")            \
  X(METHOD_NOT_FOUND, -32601, "method not found")          \
  X(INVALID_PARAMS, -32602, "invalid params")              \
  X(INTERNAL_ERROR, -32603, "internal error")              \
  X(SERVER_NOT_INITIALIZED, -32002, "server not initialized")      \
  X(REQUEST_CANCELLED, -32800, "request cancelled")

typedef enum pr_rpc_error {
#define PR_RPC_ENUM(name, code, text) PR_RPC_##name = code,
  PR_RPC_ERRORS(PR_RPC_ENUM)
#undef PR_RPC_ENUM
} pr_rpc_error;

/* What the client said about itself in `initialize`. */
typedef struct pr_client_caps {
  pr_unit encoding;          /* negotiated: utf-8 when offered, else utf-16 (utf-32 when only that is offered) */
  bool related_information;  /* publishDiagnostics.relatedInformation */
  bool tag_unnecessary;      /* publishDiagnostics.tagSupport.valueSet has 1 */
  bool tag_deprecated;       /* ... has 2 */
  bool code_description;     /* publishDiagnostics.codeDescriptionSupport */
  bool pull_diagnostics;     /* textDocument.diagnostic: the client pulls (then nothing is pushed) */
  bool configuration;        /* workspace.configuration: the server may ask for its settings */
  bool watch_dynamic;        /* workspace.didChangeWatchedFiles.dynamicRegistration */
  bool diagnostic_refresh;   /* workspace.diagnostics.refreshSupport */
  bool resolve_edits;        /* codeAction.resolveSupport lists "edit": costly edits come from codeAction/resolve */
  char *root_path;           /* malloc'd file-system path of the workspace root, or NULL */
} pr_client_caps;

/* Reads initialize params. Returns false (with a message) when params are not an object. */
bool pr_protocol_read_initialize(json_t *params, pr_client_caps *caps, const char **error);
json_t *pr_protocol_initialize_result_new(const pr_client_caps *caps, const char *version);

typedef struct pr_text_document_item {
  const char *uri;
  const char *text;
  size_t text_len;
  int64_t version;
} pr_text_document_item;

bool pr_protocol_read_did_open(json_t *params, pr_text_document_item *out, const char **error);

typedef struct pr_did_change {
  const char *uri;
  int64_t version;
  pr_change *changes;        /* malloc'd array (free it); texts borrowed from the params */
  uint32_t change_count;
} pr_did_change;

bool pr_protocol_read_did_change(json_t *params, pr_did_change *out, const char **error);
/* Reads params.textDocument.uri (didClose, didSave, ...). */
bool pr_protocol_read_document_uri(json_t *params, const char **uri, const char **error);

/* The diagnostics of a reviewed document as JSON text (an array), appended to
 * *b (b->oom when out of memory): written directly, since a keystroke in a
 * large file publishes hundreds of them and building jansson values, dumping
 * and freeing them cost more than the review of the edit. A finding that
 * cannot be encoded as JSON (a string that is not UTF-8) is left out and, when
 * `unencodable` is not NULL, the first such finding is stored there (NULL
 * when none) and *dropped counts them, so that the caller can log them. */
void pr_protocol_diagnostics_write(pr_buf *b, const char *uri, int64_t version, const pr_document *doc,
                                   const pr_review *review, const pr_client_caps *caps,
                                   const pr_finding **unencodable, uint32_t *dropped);
/* A whole textDocument/publishDiagnostics notification around diagnostics
 * written by pr_protocol_diagnostics_write. */
void pr_protocol_publish_write(pr_buf *b, const char *uri, int64_t version, const char *items, size_t items_len);
/* A whole response carrying a "full" DocumentDiagnosticReport of those diagnostics. */
void pr_protocol_full_report_write(pr_buf *b, json_t *id, const char *result_id, const char *items, size_t items_len);

/* The publishDiagnostics params for a reviewed document, as jansson values
 * (notebooks and workspace reports re-arrange them); as above otherwise. */
json_t *pr_protocol_diagnostics_new(const char *uri, int64_t version, const pr_document *doc,
                                    const pr_review *review, const pr_client_caps *caps,
                                    const pr_finding **unencodable, uint32_t *dropped);

/* A TextEdit {range, newText} for bytes [start, end) of doc. */
json_t *pr_protocol_text_edit_new(const pr_document *doc, uint32_t start, uint32_t end, const char *text,
                                  pr_unit unit);

/* textDocument/codeAction params (borrowed from the params). */
typedef struct pr_code_action_params {
  const char *uri;
  json_t *diagnostics;       /* context.diagnostics: an array (maybe empty) */
  bool fix_all;              /* context.only asks for source.fixAll(.pyreview) or source */
  bool quick_fixes;          /* context.only is absent or asks for quickfix */
} pr_code_action_params;
bool pr_protocol_read_code_action(json_t *params, pr_code_action_params *out, const char **error);

/* textDocument/diagnostic params. */
bool pr_protocol_read_diagnostic(json_t *params, const char **uri, const char **previous_result_id,
                                 const char **error);
/* A DocumentDiagnosticReport: "unchanged" when items is NULL, else "full" (steals items). */
json_t *pr_protocol_diagnostic_report_new(const char *result_id, json_t *items);

/* An LSP Range {start, end} of non-negative 32-bit line and character
 * numbers; false when it is not one. */
bool pr_protocol_read_range(json_t *range, pr_position *start, pr_position *end);

/* textDocument/hover (and any TextDocumentPositionParams). */
bool pr_protocol_read_position(json_t *params, const char **uri, pr_position *pos, const char **error);

/* A file-system path for a file: URI (percent-decoded), malloc'd; NULL for other schemes. */
char *pr_protocol_uri_to_path(const char *uri);
/* The file: URI of an absolute or relative path (made absolute against the
 * current folder; percent-encoded as VS Code writes them), malloc'd; NULL when
 * out of memory. */
char *pr_protocol_path_to_uri(const char *path);

json_t *pr_protocol_response_new(json_t *id, json_t *result);               /* steals result */
json_t *pr_protocol_error_new(json_t *id, pr_rpc_error code, const char *message);
json_t *pr_protocol_notification_new(const char *method, json_t *params);   /* steals params */

/* Frees what json_dumps returned, with the free function jansson was given
 * (json_set_alloc_funcs: the fuzz harness gives it its own). */
void pr_json_free(void *p);

#endif
