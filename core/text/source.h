/* source.h - turns the bytes of a Python file into the UTF-8 text pyreview analyses.
 *
 * A UTF-8 BOM is dropped (it occupies no column). A PEP 263 coding declaration
 * on one of the first two lines is honoured for the encodings we can decode
 * without a library (latin-1 / iso-8859-1, cp1252 / windows-1252, ascii,
 * utf-8); any byte that does not decode becomes U+FFFD, so that it counts as
 * one column. Lines and columns of the result are what `check` reports. */
#ifndef PR_SOURCE_H
#define PR_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pr_source_info {
  bool had_bom;
  bool had_invalid_bytes;   /* some bytes did not decode and became U+FFFD */
  bool unknown_coding;      /* a coding declaration named an encoding we read as UTF-8 */
  char coding[32];          /* the declared encoding, "" when none */
} pr_source_info;

/* Decodes bytes[0..n). On success returns 0 and sets *text (malloc'd,
 * NUL-terminated, owned by the caller: free it) and *len. Returns -1 when out of
 * memory or when the result would exceed 4 GiB - 1 (a uint32 offset). */
int pr_source_decode(const char *bytes, size_t n, char **text, uint32_t *len, pr_source_info *info);

/* Reads the regular file at `path` whole into *data (malloc'd, NUL-terminated,
 * the caller frees it) and *len. O_NONBLOCK and fstat make a FIFO or device
 * an error (EINVAL) instead of a wait; more than `max` bytes is EFBIG; a file
 * that grows while read is read to its end. Returns 0, or -1 with errno set. */
int pr_read_regular_file(const char *path, size_t max, char **data, size_t *len);

#endif
