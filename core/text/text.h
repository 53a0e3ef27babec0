/* text.h - the line index of a UTF-8 buffer: the byte offset where each line starts.
 *
 * Lines end at "\n", "\r\n" or a bare "\r", as in LSP and in Python's universal
 * newlines; the terminator belongs to the line it ends. Rows are 0-based. A
 * buffer of N line ends has N + 1 lines; the last may be empty.
 *
 * Rows match tree-sitter's TSPoint.row for trees made by pr_parse (parse.h),
 * which shows tree-sitter a bare "\r" as "\n".
 *
 * Ownership: the index owns `starts`; pr_line_index_free releases it. */
#ifndef PR_TEXT_H
#define PR_TEXT_H

#include <stdbool.h>
#include <stdint.h>

typedef struct pr_line_index {
  uint32_t *starts;  /* starts[row] = byte offset of the row's first byte; starts[0] == 0 */
  uint32_t count;    /* number of rows, >= 1 */
  uint32_t cap;
  uint32_t bare_cr;  /* rows that start after a bare '\r' */
} pr_line_index;

/* Builds the index of text[0..len). Returns false when out of memory. */
bool pr_line_index_build(pr_line_index *index, const char *text, uint32_t len);

/* Updates the index after text[start..old_end) was replaced by new_len bytes;
 * `text` is the buffer after the replacement (len bytes in all) and `removed`
 * the old_end - start bytes that were replaced. Costs the number of lines after
 * the edit (one memmove), not a rescan. Returns false when out of memory (the
 * index is then left unchanged). */
bool pr_line_index_replace(pr_line_index *index, const char *text, uint32_t len, uint32_t start,
                           uint32_t old_end, uint32_t new_len, const char *removed);

/* The row holding byte offset `byte` (an offset equal to a row start belongs to that row). */
uint32_t pr_line_index_row(const pr_line_index *index, uint32_t byte);

/* Byte offset just past the row's content: before its "\n", "\r\n" or "\r",
 * or the buffer end for the last row. */
uint32_t pr_line_index_row_end(const pr_line_index *index, const char *text, uint32_t len,
                               uint32_t row);

void pr_line_index_free(pr_line_index *index);

#endif
