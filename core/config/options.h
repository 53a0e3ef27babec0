/* options.h - the thresholds and modes rules read (catalog: Suppression and
 * configuration: `max-statements`, `max-test-statements`, `max-complexity`,
 * `max-parameters`, `max-nesting`, `type-hints`, `type-hints-varargs`).
 *
 * One struct, filled with the catalog's defaults until the configuration
 * (pyproject.toml) fills it. Rules read it through pr_thresholds_default(). */
#ifndef PR_OPTIONS_H
#define PR_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum pr_type_hints_mode {
  PR_TYPE_HINTS_CONSISTENT = 0,  /* report only where at least half the public functions are annotated */
  PR_TYPE_HINTS_STRICT = 1,      /* report every gap */
} pr_type_hints_mode;

typedef struct pr_thresholds {
  uint32_t max_statements;       /* CPX001: 50 */
  uint32_t max_test_statements;  /* TST004: 40 */
  uint32_t max_complexity;       /* CPX002: 10 */
  uint32_t max_parameters;       /* CPX003: 5 */
  uint32_t max_nesting;          /* CPX004: 4 */
  uint32_t docstring_statements; /* DOC102: a docstring from 5 statements on */
  pr_type_hints_mode type_hints; /* TYP001, TYP002: consistent */
  bool type_hints_varargs;       /* TYP001: `*args` and `**kwargs` need annotations too: false */
} pr_thresholds;

/* The catalog's defaults. */
#define PR_THRESHOLDS_DEFAULT                                                                        \
  ((pr_thresholds){.max_statements = 50, .max_test_statements = 40, .max_complexity = 10,          \
                   .max_parameters = 5, .max_nesting = 4, .docstring_statements = 5,                 \
                   .type_hints = PR_TYPE_HINTS_CONSISTENT, .type_hints_varargs = false})

/* The thresholds in effect: the catalog's defaults until configuration exists
 * (the name main's TST rules use). */
const pr_thresholds *pr_thresholds_default(void);

#endif
