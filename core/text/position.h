/* position.h - the one place where byte offsets become columns and back.
 *
 * Inside pyreview every position is a byte offset (or a TSPoint: row and byte
 * column). Columns in other units exist only at the edges: the language server
 * speaks the negotiated LSP position encoding (UTF-16 code units by default,
 * UTF-8 bytes, or UTF-32 code points) and `check` prints code points.
 *
 * Invalid UTF-8 bytes count as one unit each in every encoding (they stand for
 * U+FFFD); a truncated sequence at the end of a line likewise. */
#ifndef PR_POSITION_H
#define PR_POSITION_H

#include <stdbool.h>
#include <stdint.h>

typedef enum pr_unit {
  PR_UNIT_UTF8,   /* bytes */
  PR_UNIT_UTF16,  /* UTF-16 code units: LSP's default */
  PR_UNIT_UTF32,  /* code points: LSP "utf-32" and the CLI's columns */
} pr_unit;

/* A 0-based line and a column counted in some pr_unit. */
typedef struct pr_position {
  uint32_t line;
  uint32_t column;
} pr_position;

/* Length in bytes of the UTF-8 sequence starting at s[0] (s has n >= 1 bytes),
 * and its code point in *cp; an invalid or truncated sequence is 1 byte of U+FFFD. */
uint32_t pr_utf8_decode(const unsigned char *s, uint32_t n, uint32_t *cp);

/* Number of `unit` units in line[0..nbytes). */
uint32_t pr_columns_in(const char *line, uint32_t nbytes, pr_unit unit);

/* Byte offset within line[0..line_len) of column `column` counted in `unit`.
 * A column past the end of the line gives line_len (LSP says: clamp). A column
 * inside a character (the middle of a surrogate pair) gives that character's
 * start. */
uint32_t pr_bytes_for_columns(const char *line, uint32_t line_len, uint32_t column, pr_unit unit);

/* True when text[0..len) is valid UTF-8 (no surrogates, no overlongs). */
bool pr_utf8_valid(const char *text, uint32_t len);

#endif
