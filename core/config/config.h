/* config.h - configuration files: `[tool.pyreview]` in pyproject.toml, or a
 * standalone pyreview.toml (catalog: "Suppression and configuration").
 *
 * A pr_config is what one file says: the rule selection (select, ignore,
 * extend-select), per-file-ignores, severity overrides, thresholds and modes
 * (options.h), test-patterns, exclude and logging-masks. Reading it never
 * fails as a whole: every unknown key, wrong type, unknown rule item, bad
 * severity or malformed file becomes a message `path:line:col: reason` in
 * pr_config.messages, and what could not be read keeps its default.
 *
 * Discovery (pr_config_finder): for each reviewed file, the closest folder,
 * from the file's folder upward, holding a pyreview.toml, or a
 * pyproject.toml with a [tool.pyreview] table, gives the configuration; in
 * one folder pyreview.toml wins; a pyproject.toml without the table is
 * skipped; files further up are not merged. Results are kept per folder.
 *
 * Rule selection is layered as Ruff does it: the file's layer (select
 * replaces the set of all rules, extend-select adds, ignore and severity
 * "off" remove), then the command line's layer (--select replaces,
 * --extend-select adds, --ignore removes; when the file's layer had no
 * select, its ignores still apply after a --select), then per-file-ignores.
 *
 * Ownership: a pr_config owns all its strings and messages (pr_config_free);
 * a pr_config_finder owns every pr_config it returns (pr_config_finder_free).
 * Neither is thread-safe: discover before starting workers; the configs are
 * read-only afterwards and may then be shared. */
#ifndef PR_CONFIG_H
#define PR_CONFIG_H

#include "options.h"
#include "ruleset.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pr_config_list {
  char **items;
  uint32_t count;
  bool set;                  /* the key was given (an empty list is not "unset") */
} pr_config_list;

typedef struct pr_config_pattern {
  char *glob;
  bool rules[PR_MAX_RULES];  /* per-file-ignores: the rules its items name */
} pr_config_pattern;

typedef struct pr_config {
  char *path;                /* the file read, as shown in messages */
  char *dir;                 /* its folder, absolute: globs are relative to it */
  pr_config_list select, ignore, extend_select;
  bool off[PR_MAX_RULES];    /* severity "off" */
  uint8_t severity[PR_MAX_RULES];  /* pr_severity, 0: the rule's own (engine.h's pr_review_options.severity) */
  pr_config_pattern *per_file_ignores;
  uint32_t per_file_ignore_count;
  pr_thresholds thresholds;  /* logging_masks point into logging_masks.items */
  pr_config_list test_patterns, exclude, logging_masks;
  char **messages;           /* "path:line:col: reason", in the order found */
  uint32_t message_count;
  uint64_t digest;           /* of the thresholds, severities and masks: results computed under it */
} pr_config;

/* Reads one configuration file. `pyproject` true: its settings are the
 * [tool.pyreview] table (none: a message); false: the top level. `shown` is
 * the path used in messages. Returns NULL only when out of memory; a file
 * that cannot be read gives a config of defaults with a message. */
pr_config *pr_config_load(const char *path, const char *shown, bool pyproject);
/* The same from text already read (tests); `dir` is the globs' folder. */
pr_config *pr_config_parse(const char *text, size_t len, const char *shown, const char *dir, bool pyproject);
void pr_config_free(pr_config *config);

/* The command line's layer: comma/space-separated items, NULL when not given. */
typedef struct pr_rule_layer {
  const char *select, *extend_select, *ignore;
} pr_rule_layer;

/* The rules for a file: `config` (NULL: none) then `flags` (NULL: none),
 * then the config's per-file-ignores matched against `path`. Returns 0, or
 * -1 with a message naming an unknown item of the flags. */
int pr_config_rules(const pr_config *config, const pr_rule_layer *flags, const char *path, pr_selection *out,
                    char *err, size_t cap);
/* True when `path` (a file's path as given) matches one of the config's
 * test-patterns. */
bool pr_config_is_test(const pr_config *config, const char *path);
/* True when `glob` matches the file at `path` (as given), relative to `dir`
 * as Ruff matches per-file-ignores: the path below dir, or, for a glob without
 * a slash, the file's name; a glob naming a folder matches the files in it. */
bool pr_config_glob_matches(const char *glob, const char *dir, const char *path);

typedef struct pr_config_finder pr_config_finder;

pr_config_finder *pr_config_finder_new(void);
void pr_config_finder_free(pr_config_finder *finder);
/* The configuration of the file at `path` (closest folder upward), or NULL
 * when there is none. `*fresh` (may be NULL) is set true when the config was
 * read by this call, so that its messages are shown once. */
const pr_config *pr_config_find(pr_config_finder *finder, const char *path, bool *fresh);

#endif
