/* fuzz_check.h - the fuzz targets' invariant check: a failed one prints where
 * (the file names the target) and aborts, which libFuzzer reports as a crash. */
#ifndef PR_FUZZ_CHECK_H
#define PR_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define PR_FUZZ_CHECK(cond)                                                         \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);      \
      abort();                                                                      \
    }                                                                               \
  } while (0)

#endif
