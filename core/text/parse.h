/* parse.h - text to syntax tree: the one way pyreview calls tree-sitter's parser.
 *
 * Two things tree-sitter-python would otherwise get wrong are handled here:
 *   - a UTF-8 BOM is kept out of the parse with an included range, so byte
 *     offsets stay those of the text;
 *   - a bare '\r' ends a line for Python and for LSP, but not for the grammar's
 *     scanner (which would see one long line). tree-sitter is shown a '\n' in
 *     its place: same length, so every offset stays exact, and tree-sitter's
 *     rows then equal the line index's (text.h) in every text.
 *
 * Ownership: the caller owns the returned tree (ts_tree_delete). */
#ifndef PR_PARSE_H
#define PR_PARSE_H

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "text.h"

/* Parses text[0..len) (text[len] must be readable only when len is 0),
 * reusing `old` (already edited with ts_tree_edit) when it is not NULL.
 * has_bare_cr: whether the text has a '\r' not followed by '\n' (the line
 * index knows: pr_line_index.bare_cr != 0); false takes the direct path.
 * Returns NULL when tree-sitter fails (out of memory), or when it has not
 * finished within PR_PARSE_TIME_LIMIT_MS: a few adversarial texts make its
 * error recovery super-linear (32,768 lines of `:` take 10 s), and a reviewer
 * must not hang on them; the caller keeps what it had (a document its last
 * tree, the CLI an error for that file). */
#define PR_PARSE_TIME_LIMIT_MS 4000
/* The limit in use: PR_PARSE_TIME_LIMIT_MS, or $PYREVIEW_PARSE_LIMIT_MS when set
 * (a positive number of milliseconds; the tests use a small one). */
uint32_t pr_parse_time_limit_ms(void);

TSTree *pr_parse(TSParser *parser, const TSTree *old, const char *text, uint32_t len, bool has_bare_cr);

/* tree-sitter-python's scanner saves each indentation level in one byte, so a
 * line indented 256 columns or more (64 levels of four spaces; a tab counts 8,
 * as in the scanner) is misread and the tree around it is an ERROR. When
 * `tree` (of text[0..len), indexed by `lines`) has an error, returns the first
 * row holding code (not blank, not only a comment) indented that far, so that
 * callers say why findings may be missing instead of staying silent; else
 * (and for a tree without errors, without reading the text) UINT32_MAX. */
#define PR_SCANNER_MAX_INDENT 255
uint32_t pr_indent_beyond_scanner(const TSTree *tree, const char *text, uint32_t len, const pr_line_index *lines);

/* Length of a UTF-8 BOM at the start of text[0..len): 3 or 0. */
uint32_t pr_bom_length(const char *text, uint32_t len);

#endif
