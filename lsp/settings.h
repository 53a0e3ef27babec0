/* settings.h - the settings a document is reviewed with in the editor: its
 * project's configuration file (pyproject.toml / pyreview.toml, found as
 * `check` finds it) with the editor's `pyreview` settings over it.
 *
 * The editor's settings come from initializationOptions, the answer to
 * workspace/configuration or didChangeConfiguration's `settings.pyreview`: a
 * JSON object with the keys of `[tool.pyreview]` (`select`, `ignore`,
 * `extend-select`, `severity`, `max-statements`, `max-test-statements`,
 * `max-complexity`, `max-parameters`, `max-nesting`, `type-hints`,
 * `type-hints-varargs`, `test-patterns`). They are checked by the same code
 * as a configuration file: the object is written as TOML, one key a line, and
 * read by core/config. They apply over the file's settings as the command
 * line's flags do: `select` replaces the file's selection, `ignore` and
 * `extend-select` change it, and a severity or threshold given wins.
 *
 * Ownership: pr_editor_settings_free releases what _new returns; a
 * pr_doc_settings borrows the logging masks of the file configuration it was
 * made from, which must outlive it (the server keeps every configuration it
 * read until it exits). */
#ifndef PR_SETTINGS_H
#define PR_SETTINGS_H

#include "config.h"
#include "options.h"
#include "ruleset.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct pr_editor_settings pr_editor_settings;

/* Reads the editor's settings (a JSON object; NULL or not an object: none).
 * Messages about what could not be used ("editor settings:LINE:COL: reason",
 * the line of the key) are appended to `messages` (a JSON array, may be NULL).
 * NULL only when out of memory. */
pr_editor_settings *pr_editor_settings_new(json_t *settings, json_t *messages);
void pr_editor_settings_free(pr_editor_settings *e);
/* A digest of the settings (0 when none), to see whether they changed. */
uint64_t pr_editor_settings_digest(const pr_editor_settings *e);

/* What one document is reviewed with. */
typedef struct pr_doc_settings {
  pr_selection selection;
  pr_thresholds thresholds;
  uint8_t severity[PR_MAX_RULES];  /* 0: the rule's own */
  bool test_by_pattern;            /* a test-patterns glob matches the file */
} pr_doc_settings;

/* The settings of the file at `path` (NULL for a document without a file)
 * under `config` (its configuration file, or NULL) and the editor's settings
 * `e` (NULL: none); `folder` is the workspace folder holding it (the editor's
 * test-patterns are relative to it), or NULL. A select or ignore item the
 * catalog does not know leaves that layer out, with a message in err. */
void pr_doc_settings_make(const pr_config *config, const pr_editor_settings *e, const char *path, const char *folder,
                          pr_doc_settings *out, char *err, size_t cap);

#endif
