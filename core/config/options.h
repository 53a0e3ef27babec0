/* options.h - the thresholds and modes rules read (catalog: Suppression and
 * configuration: `max-statements`, `max-test-statements`, `max-complexity`,
 * `max-parameters`, `max-nesting`, `type-hints`, `type-hints-varargs`).
 *
 * One struct, filled with the catalog's defaults or by the configuration
 * (config.h). Rules read the file's settings through ctx->thresholds (never
 * NULL: the defaults when the review was given none). The strings of
 * logging_masks belong to whoever filled the struct (a pr_config). */
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
  /* SEC019 `logging-masks`: the dotted names of the calls that mask a secret.
   * Unset (false): any call hides its arguments from SEC019. Set: only these
   * do (`str(token)` is then looked through). */
  bool logging_masks_set;
  uint32_t logging_mask_count;
  const char *const *logging_masks;
} pr_thresholds;

/* The catalog's defaults. */
#define PR_THRESHOLDS_DEFAULT                                                                        \
  ((pr_thresholds){.max_statements = 50, .max_test_statements = 40, .max_complexity = 10,          \
                   .max_parameters = 5, .max_nesting = 4, .docstring_statements = 5,                 \
                   .type_hints = PR_TYPE_HINTS_CONSISTENT, .type_hints_varargs = false})

/* The catalog's defaults, for reviews given no settings. */
const pr_thresholds *pr_thresholds_default(void);

#endif
