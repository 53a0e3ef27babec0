/* document.c - an open buffer with incremental re-parse; see document.h. */
#include "document.h"

#include <stdlib.h>
#include <string.h>

#include "parse.h"

/* How many past texts a document keeps (see pr_document_past). */
enum { PR_DOCUMENT_PAST = 4 };
/* Larger texts keep no past: four copies of a huge file cost more memory than
 * the parses they spare are worth. */
#define PR_DOCUMENT_PAST_MAX_BYTES (4u * 1024u * 1024u)

struct pr_document {
  char *text;            /* NUL-terminated, len bytes */
  uint32_t len, cap;
  int64_t version;
  pr_line_index lines;
  TSTree *tree;          /* NULL when released (pr_document_release_tree) or parsing failed */
  uint32_t bom;          /* 3 when the text starts with a UTF-8 BOM, else 0 */
  bool stale;            /* the text changed since the tree was parsed (the tree is edited to match) */
  /* The texts the last few edits started from, each with the tree parsed
   * for it (a copy sharing tree-sitter's nodes): when an edit gives one of
   * them back (an undo, a backspace over what was just typed), its tree
   * serves at once. Re-parsing from the edited tree costs tree-sitter's error
   * recovery again when the undone edit broke the file (up to 0.6x a full
   * parse of a 33k-line test module). The most recent of them that parsed
   * without a syntax error is kept while the others rotate, so deleting
   * everything typed since the file last parsed cleanly is served too. */
  struct pr_document_past {
    TSTree *tree;        /* NULL: the slot is empty */
    char *text;
    uint32_t len, cap;
    uint32_t age;        /* the edit that kept it (doc->edits then); larger is newer */
    bool clean;          /* the tree has no syntax error */
  } past[PR_DOCUMENT_PAST];
  uint32_t edits;        /* counts pr_document_edit calls that kept a past */
  /* Trees let go of by edits and not yet deleted (pr_document_take_garbage):
   * deleting the one a broken edit left (its recovered nodes are its own)
   * cost an undo 1.6 ms of a 15 ms review on a 33k-line module, and the
   * freed nodes made glibc's next large allocation sort them (another
   * 1.9 ms) before the diagnostics went out. */
  TSTree *garbage[PR_DOCUMENT_GARBAGE_MAX];
  uint32_t garbage_count;
};

/* Lets go of a tree: kept for pr_document_take_garbage, or deleted now when
 * the list is full (its oldest). */
static void pr_document__discard(pr_document *doc, TSTree *tree) {
  if (!tree) return;
  if (doc->garbage_count == PR_DOCUMENT_GARBAGE_MAX) {
    ts_tree_delete(doc->garbage[0]);
    memmove(doc->garbage, doc->garbage + 1, (PR_DOCUMENT_GARBAGE_MAX - 1) * sizeof *doc->garbage);
    doc->garbage_count--;
  }
  doc->garbage[doc->garbage_count++] = tree;
}

static void pr_document__drop_garbage(pr_document *doc) {
  for (uint32_t i = 0; i < doc->garbage_count; i++) ts_tree_delete(doc->garbage[i]);
  doc->garbage_count = 0;
}

uint32_t pr_document_take_garbage(pr_document *doc, TSTree **out, uint32_t max) {
  uint32_t n = doc->garbage_count < max ? doc->garbage_count : max;
  memcpy(out, doc->garbage, n * sizeof *out);
  memmove(doc->garbage, doc->garbage + n, (doc->garbage_count - n) * sizeof *doc->garbage);
  doc->garbage_count -= n;
  return n;
}

static void pr_document__drop_past(pr_document *doc) {
  for (int i = 0; i < PR_DOCUMENT_PAST; i++) {
    if (doc->past[i].tree) ts_tree_delete(doc->past[i].tree);
    free(doc->past[i].text);
  }
  memset(doc->past, 0, sizeof doc->past);
}

/* The slot holding exactly the document's text, or -1. */
static int pr_document__past_of_text(const pr_document *doc) {
  for (int i = 0; i < PR_DOCUMENT_PAST; i++) {
    const struct pr_document_past *p = &doc->past[i];
    if (p->tree && p->len == doc->len && !memcmp(p->text, doc->text, doc->len)) return i;
  }
  return -1;
}

/* Keeps the text and its tree before an edit, when the tree describes the
 * text: in the slot that holds that text already (after an undo), else in an
 * empty slot, else in the oldest one that is not the newest clean one. */
static void pr_document__keep_past(pr_document *doc) {
  if (!doc->tree || doc->stale || doc->len > PR_DOCUMENT_PAST_MAX_BYTES) return;
  int same = pr_document__past_of_text(doc);
  if (same >= 0) {
    doc->past[same].age = ++doc->edits;
    return;
  }
  int newest_clean = -1, victim = -1;
  for (int i = 0; i < PR_DOCUMENT_PAST; i++)
    if (doc->past[i].tree && doc->past[i].clean &&
        (newest_clean < 0 || doc->past[i].age > doc->past[newest_clean].age))
      newest_clean = i;
  for (int i = 0; i < PR_DOCUMENT_PAST; i++) {
    if (i == newest_clean) continue;
    if (!doc->past[i].tree) { victim = i; break; }
    if (victim < 0 || doc->past[i].age < doc->past[victim].age) victim = i;
  }
  struct pr_document_past *p = &doc->past[victim];
  if (p->cap < doc->len + 1) {
    char *t = realloc(p->text, (size_t)doc->len + 1);
    if (!t) return;
    p->text = t;
    p->cap = doc->len + 1;
  }
  memcpy(p->text, doc->text, doc->len);
  p->len = doc->len;
  pr_document__discard(doc, p->tree);
  p->tree = ts_tree_copy(doc->tree);
  p->clean = !ts_node_has_error(ts_tree_root_node(doc->tree));
  p->age = ++doc->edits;
}

/* After an edit: a kept tree, when the text is one the last edits started from. */
static void pr_document__restore_past(pr_document *doc) {
  int i = pr_document__past_of_text(doc);
  if (i < 0) return;
  pr_document__discard(doc, doc->tree);
  doc->tree = ts_tree_copy(doc->past[i].tree);
  doc->bom = pr_bom_length(doc->text, doc->len);
  doc->stale = false;
}

/* One applied change, kept so that a failing batch can be undone. */
typedef struct pr_undo {
  uint32_t start, new_len;
  char *removed;
  uint32_t removed_len;
  TSInputEdit edit;
} pr_undo;

static TSTree *pr_document__parse(pr_document *doc, TSParser *parser, TSTree *old) {
  uint32_t bom = pr_bom_length(doc->text, doc->len);
  if (bom != doc->bom && old) old = NULL;  /* the included range moved: parse afresh */
  doc->bom = bom;
  return pr_parse(parser, old, doc->text, doc->len, doc->lines.bare_cr != 0);
}

pr_document *pr_document_new(TSParser *parser, const char *text, uint32_t len, int64_t version) {
  if (len > PR_DOCUMENT_MAX_BYTES) return NULL;
  pr_document *doc = calloc(1, sizeof *doc);
  if (!doc) return NULL;
  doc->cap = len + 1;
  doc->text = malloc(doc->cap);
  if (!doc->text) goto fail_text;
  if (len) memcpy(doc->text, text, len);
  doc->text[len] = 0;
  doc->len = len;
  doc->version = version;
  if (!pr_line_index_build(&doc->lines, doc->text, len)) goto fail_lines;
  doc->tree = pr_document__parse(doc, parser, NULL);
  if (!doc->tree) goto fail_tree;
  return doc;
fail_tree:
  pr_line_index_free(&doc->lines);
fail_lines:
  free(doc->text);
fail_text:
  free(doc);
  return NULL;
}

pr_document *pr_document_new_unparsed(const char *text, uint32_t len, int64_t version) {
  if (len > PR_DOCUMENT_MAX_BYTES) return NULL;
  pr_document *doc = calloc(1, sizeof *doc);
  if (!doc) return NULL;
  doc->cap = len + 1;
  doc->text = malloc(doc->cap);
  if (!doc->text) { free(doc); return NULL; }
  if (len) memcpy(doc->text, text, len);
  doc->text[len] = 0;
  doc->len = len;
  doc->version = version;
  if (!pr_line_index_build(&doc->lines, doc->text, len)) {
    free(doc->text);
    free(doc);
    return NULL;
  }
  doc->stale = true;
  return doc;
}

pr_document *pr_document_snapshot(const pr_document *doc) {
  pr_document *s = calloc(1, sizeof *s);
  char *text = malloc((size_t)doc->len + 1);
  uint32_t *starts = malloc((doc->lines.count ? doc->lines.count : 1) * sizeof *starts);
  if (!s || !text || !starts) {
    free(s);
    free(text);
    free(starts);
    return NULL;
  }
  memcpy(text, doc->text, (size_t)doc->len + 1);
  memcpy(starts, doc->lines.starts, doc->lines.count * sizeof *starts);
  s->text = text;
  s->cap = doc->len + 1;
  s->len = doc->len;
  s->lines = doc->lines;
  s->lines.starts = starts;
  s->lines.cap = doc->lines.count ? doc->lines.count : 1;
  s->version = doc->version;
  s->bom = doc->bom;
  s->stale = doc->stale || !doc->tree;
  s->tree = doc->tree ? ts_tree_copy(doc->tree) : NULL;
  return s;
}

bool pr_document_needs_parse(const pr_document *doc) { return doc->stale || !doc->tree; }

bool pr_document_reparse(pr_document *doc, TSParser *parser) {
  if (!pr_document_needs_parse(doc)) return true;
  TSTree *tree = pr_document__parse(doc, parser, doc->tree);
  if (!tree) return false;
  pr_document__discard(doc, doc->tree);
  doc->tree = tree;
  doc->stale = false;
  return true;
}

bool pr_document_adopt_tree(pr_document *doc, pr_document *snap) {
  if (doc->version != snap->version || doc->len != snap->len || !snap->tree || snap->stale) return false;
  pr_document__discard(doc, doc->tree);
  doc->tree = snap->tree;
  snap->tree = NULL;
  doc->bom = snap->bom;
  doc->stale = false;
  return true;
}

void pr_document_delete(pr_document *doc) {
  if (!doc) return;
  if (doc->tree) ts_tree_delete(doc->tree);
  pr_document__drop_past(doc);
  pr_document__drop_garbage(doc);
  pr_line_index_free(&doc->lines);
  free(doc->text);
  free(doc);
}

/* tree-sitter's rows are the index's rows: pr_parse shows it a bare '\r' as '\n'. */
static TSPoint pr_document__point(const pr_document *doc, uint32_t byte) {
  uint32_t row = pr_line_index_row(&doc->lines, byte);
  return (TSPoint){row, byte - doc->lines.starts[row]};
}

/* Replaces text[start..end) by repl; fills *undo. */
static pr_document_error pr_document__replace(pr_document *doc, uint32_t start, uint32_t end,
                                              const char *repl, uint32_t repl_len, pr_undo *undo) {
  uint64_t new_total = (uint64_t)doc->len - (end - start) + repl_len;
  if (new_total > PR_DOCUMENT_MAX_BYTES) return PR_DOC_TOO_LARGE;
  undo->removed = malloc(end - start + 1);
  if (!undo->removed) return PR_DOC_NO_MEMORY;
  memcpy(undo->removed, doc->text + start, end - start);
  undo->removed_len = end - start;
  undo->start = start;
  undo->new_len = repl_len;
  if (new_total + 1 > doc->cap) {
    uint32_t cap = doc->cap;
    while (cap < new_total + 1) cap = cap < (1u << 30) ? cap * 2 : (uint32_t)new_total + 1;
    char *t = realloc(doc->text, cap);
    if (!t) { free(undo->removed); undo->removed = NULL; return PR_DOC_NO_MEMORY; }
    doc->text = t;
    doc->cap = cap;
  }
  TSInputEdit *e = &undo->edit;
  /* A '\r' just before the edit may change what tree-sitter sees there ('\n'
     for a bare one, itself before '\n': parse.h), so the edit reaches back to it. */
  uint32_t ts_start = start > 0 && doc->text[start - 1] == '\r' ? start - 1 : start;
  e->start_byte = ts_start;
  e->old_end_byte = end;
  e->new_end_byte = start + repl_len;
  e->start_point = pr_document__point(doc, ts_start);
  e->old_end_point = pr_document__point(doc, end);
  memmove(doc->text + start + repl_len, doc->text + end, doc->len - end + 1);  /* with NUL */
  memcpy(doc->text + start, repl, repl_len);
  doc->len = (uint32_t)new_total;
  if (!pr_line_index_replace(&doc->lines, doc->text, doc->len, start, end, repl_len, undo->removed)) {
    /* put the bytes back: the index still describes the old text */
    memmove(doc->text + end, doc->text + start + repl_len, doc->len - start - repl_len + 1);
    memcpy(doc->text + start, undo->removed, end - start);
    doc->len = doc->len - repl_len + (end - start);
    free(undo->removed);
    undo->removed = NULL;
    return PR_DOC_NO_MEMORY;
  }
  e->new_end_point = pr_document__point(doc, start + repl_len);
  return PR_DOC_OK;
}

bool pr_document_offset(const pr_document *doc, pr_position pos, pr_unit unit, uint32_t *byte) {
  if (pos.line > doc->lines.count) return false;
  if (pos.line == doc->lines.count) {
    if (pos.column != 0) return false;
    *byte = doc->len;
    return true;
  }
  uint32_t start = doc->lines.starts[pos.line];
  uint32_t end = pr_line_index_row_end(&doc->lines, doc->text, doc->len, pos.line);
  *byte = start + pr_bytes_for_columns(doc->text + start, end - start, pos.column, unit);
  return true;
}

pr_position pr_text_position(const char *text, uint32_t len, const pr_line_index *lines,
                             uint32_t byte, pr_unit unit) {
  if (byte > len) byte = len;
  uint32_t row = pr_line_index_row(lines, byte);
  uint32_t start = lines->starts[row];
  return (pr_position){row, pr_columns_in(text + start, byte - start, unit)};
}

/* True when a decode from the line's start has a character boundary at `byte`:
 * sequences only ever swallow continuation bytes, so any other byte (or the end
 * of the text) starts a character, and counting from there on, or from there up
 * to another such place, gives the same columns as counting from the start. */
static bool pr_document__boundary(const char *text, uint32_t len, uint32_t byte) {
  return byte >= len || ((unsigned char)text[byte] & 0xC0) != 0x80;
}

pr_position pr_text_position_near(const char *text, uint32_t len, const pr_line_index *lines, uint32_t byte,
                                  pr_unit unit, pr_position_memo *memo) {
  if (byte > len) byte = len;
  uint32_t row = pr_line_index_row(lines, byte);
  uint32_t start = lines->starts[row];
  if (!memo || unit == PR_UNIT_UTF8 || !pr_document__boundary(text, len, byte))
    return (pr_position){row, pr_columns_in(text + start, byte - start, unit)};
  /* the remembered place on this line nearest to byte, else count from the start */
  int best = -1;
  uint32_t best_distance = byte - start;
  for (int k = 0; k < 2; k++) {
    if (!memo->used[k] || memo->line_start[k] != start || memo->unit[k] != (uint8_t)unit) continue;
    uint32_t d = byte >= memo->byte[k] ? byte - memo->byte[k] : memo->byte[k] - byte;
    if (d < best_distance) { best = k; best_distance = d; }
  }
  uint32_t column;
  if (best < 0)
    column = pr_columns_in(text + start, byte - start, unit);
  else if (byte >= memo->byte[best])
    column = memo->column[best] + pr_columns_in(text + memo->byte[best], byte - memo->byte[best], unit);
  else
    column = memo->column[best] - pr_columns_in(text + byte, memo->byte[best] - byte, unit);
  /* refresh the place used, or replace the one not used last */
  int k = best >= 0 ? best : !memo->last;
  memo->line_start[k] = start;
  memo->byte[k] = byte;
  memo->column[k] = column;
  memo->unit[k] = (uint8_t)unit;
  memo->used[k] = 1;
  memo->last = (uint8_t)k;
  return (pr_position){row, column};
}

pr_position pr_document_position_near(const pr_document *doc, uint32_t byte, pr_unit unit, pr_position_memo *memo) {
  return pr_text_position_near(doc->text, doc->len, &doc->lines, byte, unit, memo);
}

pr_position pr_document_position(const pr_document *doc, uint32_t byte, pr_unit unit) {
  return pr_text_position(doc->text, doc->len, &doc->lines, byte, unit);
}

static void pr_document__undo(pr_document *doc, pr_undo *undo) {
  pr_undo back = {0};
  /* restoring needs at most the memory it freed; a failure here leaves a
     consistent (if edited) document, which is the best that can be done */
  if (pr_document__replace(doc, undo->start, undo->start + undo->new_len, undo->removed,
                           undo->removed_len, &back) == PR_DOC_OK)
    free(back.removed);
}

pr_document_error pr_document_edit(pr_document *doc, const pr_change *changes, uint32_t n, pr_unit unit,
                                   int64_t version, uint32_t *bad_index) {
  pr_undo *undo = calloc(n ? n : 1, sizeof *undo);
  if (!undo) return PR_DOC_NO_MEMORY;
  pr_document__keep_past(doc);
  pr_document_error err = PR_DOC_OK;
  uint32_t done = 0;
  for (; done < n; done++) {
    const pr_change *c = &changes[done];
    uint32_t start = 0, end = doc->len;
    if (c->has_range) {
      if (!pr_document_offset(doc, c->start, unit, &start) ||
          !pr_document_offset(doc, c->end, unit, &end) || start > end) {
        err = PR_DOC_BAD_RANGE;
        break;
      }
    }
    err = pr_document__replace(doc, start, end, c->text, c->len, &undo[done]);
    if (err != PR_DOC_OK) break;
  }
  if (err != PR_DOC_OK) {
    if (bad_index) *bad_index = done;
    while (done-- > 0) {
      pr_document__undo(doc, &undo[done]);
      free(undo[done].removed);
    }
    free(undo);
    return err;
  }
  for (uint32_t i = 0; i < n; i++) {
    if (doc->tree) ts_tree_edit(doc->tree, &undo[i].edit);
    free(undo[i].removed);
  }
  free(undo);
  doc->stale = true;
  doc->version = version;
  pr_document__restore_past(doc);
  return PR_DOC_OK;
}

pr_document_error pr_document_apply(pr_document *doc, TSParser *parser, const pr_change *changes,
                                    uint32_t n, pr_unit unit, int64_t version, uint32_t *bad_index) {
  pr_document_error err = pr_document_edit(doc, changes, n, unit, version, bad_index);
  if (err == PR_DOC_OK) pr_document_reparse(doc, parser);
  return err;
}

void pr_document_release_tree(pr_document *doc) {
  if (doc->tree) ts_tree_delete(doc->tree);
  doc->tree = NULL;
  pr_document__drop_past(doc);
  pr_document__drop_garbage(doc);
}

bool pr_document_ensure_tree(pr_document *doc, TSParser *parser) {
  return pr_document_reparse(doc, parser) && doc->tree != NULL;
}

const char *pr_document_text(const pr_document *doc) { return doc->text; }
uint32_t pr_document_length(const pr_document *doc) { return doc->len; }
int64_t pr_document_version(const pr_document *doc) { return doc->version; }
const TSTree *pr_document_tree(const pr_document *doc) { return doc->tree; }
const pr_line_index *pr_document_lines(const pr_document *doc) { return &doc->lines; }
