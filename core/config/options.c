/* options.c - the thresholds in effect; see options.h. */
#include "options.h"

static const pr_thresholds pr_options__defaults = PR_THRESHOLDS_DEFAULT;

const pr_thresholds *pr_thresholds_default(void) { return &pr_options__defaults; }
