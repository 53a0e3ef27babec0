/* document.h - one open buffer: its text, line index, version and syntax tree.
 *
 * Edits arrive as LSP content changes (a replacement of a range given in some
 * pr_unit, or of the whole text). A batch of changes is applied in order and
 * atomically: if any change has an impossible range, the document is left
 * exactly as it was. After a successful batch the tree is edited
 * (ts_tree_edit) and re-parsed incrementally with the old tree; or, when the
 * batch gives back a text one of the last few edits started from (an undo,
 * a backspace), the tree kept for that text is used with no parse at all.
 *
 * A leading UTF-8 BOM stays in the text (the client counts it) but is kept
 * out of the parse with an included range, so byte offsets match the text.
 *
 * Ownership: the document owns its text, index and tree; pr_document_delete
 * frees them. Pointers returned by the accessors stay valid until the next
 * pr_document_apply or pr_document_delete. */
#ifndef PR_DOCUMENT_H
#define PR_DOCUMENT_H

#include "position.h"
#include "text.h"

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

typedef struct pr_document pr_document;

/* One content change. has_range false means "replace everything". */
typedef struct pr_change {
  bool has_range;
  pr_position start, end;  /* in the unit given to pr_document_apply */
  const char *text;        /* borrowed */
  uint32_t len;
} pr_change;

typedef enum pr_document_error {
  PR_DOC_OK = 0,
  PR_DOC_NO_MEMORY = -1,
  PR_DOC_BAD_RANGE = -2,   /* a line past the end, or start after end */
  PR_DOC_TOO_LARGE = -3,   /* the text would exceed PR_DOCUMENT_MAX_BYTES */
} pr_document_error;

/* Documents larger than this are refused (offsets are uint32). */
#define PR_DOCUMENT_MAX_BYTES (1024u * 1024u * 1024u)

/* Copies text and parses it with `parser` (borrowed). NULL when out of memory
 * or when len exceeds PR_DOCUMENT_MAX_BYTES. */
pr_document *pr_document_new(TSParser *parser, const char *text, uint32_t len, int64_t version);
void pr_document_delete(pr_document *doc);

/* A document whose text is not parsed yet (pr_document_reparse parses it). */
pr_document *pr_document_new_unparsed(const char *text, uint32_t len, int64_t version);

/* Applies changes[0..n) in order to the text and its index and edits the tree to
 * match, without re-parsing: the tree is stale until pr_document_reparse. On any
 * error nothing changes (as pr_document_apply). */
pr_document_error pr_document_edit(pr_document *doc, const pr_change *changes, uint32_t n, pr_unit unit,
                                   int64_t version, uint32_t *bad_index);
/* True when the tree does not describe the text (edited, released, never parsed). */
bool pr_document_needs_parse(const pr_document *doc);
/* Parses the text, incrementally from the edited tree when there is one. False
 * when out of memory (the document keeps its stale tree). */
bool pr_document_reparse(pr_document *doc, TSParser *parser);

/* An independent copy (text, index, version, and a tree copy that shares
 * tree-sitter's immutable nodes) for another thread to parse and review; the
 * caller owns it (pr_document_delete). NULL when out of memory. */
pr_document *pr_document_snapshot(const pr_document *doc);
/* Moves snap's parsed tree into doc when doc still holds the text snap was
 * taken from (the same version); false, and nothing changes, otherwise. */
bool pr_document_adopt_tree(pr_document *doc, pr_document *snap);

/* Trees that edits, re-parses and adoptions let go of are not deleted at
 * once: deleting one can cost milliseconds (a tree that a broken edit made
 * owns the nodes of its error recovery), which a caller with diagnostics to
 * send would rather spend afterwards. Moves up to max of them to out[] (the
 * caller then owns each and deletes it with ts_tree_delete, on any thread);
 * returns how many. A document holds at most PR_DOCUMENT_GARBAGE_MAX (it
 * deletes its oldest when one more comes); pr_document_delete and
 * pr_document_release_tree delete them. */
#define PR_DOCUMENT_GARBAGE_MAX 8
uint32_t pr_document_take_garbage(pr_document *doc, TSTree **out, uint32_t max);

/* Applies changes[0..n) in order, then re-parses. On any error nothing changes
 * and *bad_index (if not NULL) names the offending change. */
pr_document_error pr_document_apply(pr_document *doc, TSParser *parser, const pr_change *changes,
                                    uint32_t n, pr_unit unit, int64_t version, uint32_t *bad_index);

/* A syntax tree costs 25 to 50 times its text (about 400 KB for 8 KB of
 * Python), so a server holding many documents keeps trees only for the ones in
 * use. pr_document_release_tree frees the tree; the next pr_document_apply or
 * pr_document_ensure_tree parses the text afresh (no incremental reuse then).
 * pr_document_ensure_tree returns false when parsing fails (out of memory). */
void pr_document_release_tree(pr_document *doc);
bool pr_document_ensure_tree(pr_document *doc, TSParser *parser);

const char *pr_document_text(const pr_document *doc);  /* NUL-terminated */
uint32_t pr_document_length(const pr_document *doc);
int64_t pr_document_version(const pr_document *doc);
const TSTree *pr_document_tree(const pr_document *doc);  /* NULL after pr_document_release_tree */
const pr_line_index *pr_document_lines(const pr_document *doc);

/* Byte offset <-> position in `unit`. pr_document_offset fails (returns false)
 * for a line past the last one; a column past the line's end is clamped. A line
 * equal to the line count with column 0 means the end of the text. */
bool pr_document_offset(const pr_document *doc, pr_position pos, pr_unit unit, uint32_t *byte);
pr_position pr_document_position(const pr_document *doc, uint32_t byte, pr_unit unit);

/* The same conversion for any text and its index (the CLI uses it). */
pr_position pr_text_position(const char *text, uint32_t len, const pr_line_index *lines,
                             uint32_t byte, pr_unit unit);

/* Columns remembered between conversions on one text, so that converting many
 * offsets of one long line (a report of thousands of findings on a minified
 * line) counts each stretch of it once instead of from the line's start every
 * time. Two places are kept because reports convert starts and ends by turns.
 * Start a pass with a zeroed memo; it is valid while the text is unchanged.
 * Owned by the caller, usually on its stack. */
typedef struct pr_position_memo {
  uint32_t line_start[2], byte[2], column[2];
  uint8_t unit[2], used[2], last;
} pr_position_memo;
pr_position pr_text_position_near(const char *text, uint32_t len, const pr_line_index *lines, uint32_t byte,
                                  pr_unit unit, pr_position_memo *memo);
pr_position pr_document_position_near(const pr_document *doc, uint32_t byte, pr_unit unit, pr_position_memo *memo);

#endif
