/* notebook.h - Jupyter notebooks (LSP's notebookDocument messages): the cells of an
 * open notebook, edited as the client edits them, reviewed as one module in
 * cell order (a name defined in cell 1 is used in cell 3), with each finding
 * published on the cell it starts in, in that cell's positions.
 *
 * Only Python code cells take part; markdown cells and cells of other
 * languages are kept for their place and skipped. A finding whose fix or
 * related location reaches into another cell keeps its message but loses
 * that fix or location (a cell's diagnostics can only point into the cell).
 *
 * Ownership: a notebook owns its cells' documents and strings
 * (pr_notebook_free); the reports are new JSON references. */
#ifndef PR_NOTEBOOK_H
#define PR_NOTEBOOK_H

#include "document.h"
#include "protocol.h"
#include "settings.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

typedef struct pr_notebook_cell {
  char *uri;
  bool python;               /* a code cell in Python: reviewed */
  pr_document *doc;          /* its text (never parsed on its own) */
} pr_notebook_cell;

typedef struct pr_notebook {
  char *uri;
  char *path;                /* file-system path, or NULL */
  int64_t version;
  pr_notebook_cell *cells;   /* in notebook order */
  uint32_t count, cap;
} pr_notebook;

/* notebookDocument/didOpen. False with a message when the params are not a notebook. */
bool pr_notebook_open(pr_notebook *nb, json_t *params, const char **error);
/* notebookDocument/didChange: cell structure, cell kinds and languages, and
 * the cells' text edits (in `unit`). On an error the notebook is left as the
 * edits before the bad one made it, and the message says which. */
bool pr_notebook_change(pr_notebook *nb, json_t *params, pr_unit unit, const char **error);
void pr_notebook_free(pr_notebook *nb);

/* Reviews the notebook with `settings` and returns an array of publishDiagnostics params, one
 * per Python cell (an empty list for a clean cell). NULL when out of memory or
 * not parsed within the time limit. */
json_t *pr_notebook_review(const pr_notebook *nb, bool test_file, const pr_doc_settings *settings,
                           const pr_client_caps *caps, TSParser *parser);

#endif
