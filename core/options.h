/* options.h - the thresholds rules read (catalog: "Suppression and
 * configuration"). One struct, filled with the catalog's defaults until the
 * configuration (pyproject.toml `[tool.pyreview]`) fills it. */
#ifndef PR_OPTIONS_H
#define PR_OPTIONS_H

#include <stdint.h>

typedef struct pr_thresholds {
  uint32_t max_statements;       /* CPX001 `max-statements`: 50 */
  uint32_t max_test_statements;  /* TST004 `max-test-statements`: 40 */
  uint32_t max_complexity;       /* CPX002 `max-complexity`: 10 */
  uint32_t max_parameters;       /* CPX003 `max-parameters`: 5 */
  uint32_t max_nesting;          /* CPX004 `max-nesting`: 4 */
  uint32_t docstring_statements; /* DOC102: a docstring from 5 statements */
} pr_thresholds;

/* The catalog's defaults. */
const pr_thresholds *pr_thresholds_default(void);

#endif
