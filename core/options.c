/* options.c - the catalog's default thresholds (see options.h). */
#include "options.h"

static const pr_thresholds pr_thresholds_defaults = {
  .max_statements = 50,
  .max_test_statements = 40,
  .max_complexity = 10,
  .max_parameters = 5,
  .max_nesting = 4,
  .docstring_statements = 5,
};

const pr_thresholds *pr_thresholds_default(void) { return &pr_thresholds_defaults; }
