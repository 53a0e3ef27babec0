/* workspace.h - workspace folders and the reports of workspace/diagnostic.
 *
 * The server keeps the client's workspace folders (initialize's
 * workspaceFolders, else rootUri/rootPath; didChangeWorkspaceFolders), lists
 * their Python files as `pyreview check` would walk them, and reviews each file
 * from disk into a WorkspaceDocumentDiagnosticReport. The listing and the
 * reports run on a worker thread: nothing here touches server state.
 *
 * Ownership: pr_workspace_folders owns its strings (pr_workspace_folders_free);
 * a file list owns its entries (pr_workspace_files_free); reports are new JSON
 * references. */
#ifndef PR_WORKSPACE_H
#define PR_WORKSPACE_H

#include "config.h"
#include "protocol.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

typedef struct pr_workspace_folders {
  char **paths;              /* file-system paths, without a trailing slash */
  uint32_t count, cap;
} pr_workspace_folders;

/* Adds (or, remove = true, removes) the folder of a file: URI. False when the
 * URI is not a file: URI or memory ran out. */
bool pr_workspace_folders_update(pr_workspace_folders *f, const char *uri, bool remove);
/* Adds the folder at an absolute path (rootPath). */
bool pr_workspace_folders_add_path(pr_workspace_folders *f, const char *path);
/* A deep copy, for a worker. False when out of memory (*out is then empty). */
bool pr_workspace_folders_copy(const pr_workspace_folders *f, pr_workspace_folders *out);
void pr_workspace_folders_free(pr_workspace_folders *f);
/* The innermost folder holding `path`, or NULL. */
const char *pr_workspace_folder_of(const pr_workspace_folders *f, const char *path);
/* True when `path` is test code: classified by its place below the innermost
 * folder holding it (else by its file name), as `check` classifies it below
 * the folder it is given. */
bool pr_workspace_is_test_file(const pr_workspace_folders *f, const char *path);

typedef struct pr_workspace_file {
  char *path;
  char *uri;
} pr_workspace_file;

typedef struct pr_workspace_files {
  pr_workspace_file *items;  /* sorted by path, each once (folders may nest) */
  uint32_t count;
} pr_workspace_files;

/* Lists the Python files below every folder. Unreadable folders are skipped
 * (their messages are appended to `log`, which may be NULL). */
bool pr_workspace_list(const pr_workspace_folders *folders, pr_workspace_files *out, json_t *log);
void pr_workspace_files_free(pr_workspace_files *files);

/* The report of one file, reviewed with its configuration file (`finder`,
 * may be NULL: the defaults): "unchanged" when `previous` equals the resultId
 * its bytes and settings give, else "full" with its diagnostics; NULL when the file cannot be
 * read or parsed within the time limit (a message in err). */
json_t *pr_workspace_report(const pr_workspace_folders *folders, const pr_workspace_file *file, const char *previous,
                            const pr_client_caps *caps, pr_config_finder *finder, TSParser *parser, char *err,
                            size_t cap);

#endif
