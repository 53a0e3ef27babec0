/* Unit tests: documents apply LSP edits atomically and re-parse incrementally (core/document.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "document.h"
#include "syntax.h"

static TSParser *parser;

static int setup(void **state) { parser = pr_parser_new(); return parser ? 0 : -1; }
static int teardown(void **state) { ts_parser_delete(parser); return 0; }

static pr_change ranged(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2, const char *text) {
  return (pr_change){true, {l1, c1}, {l2, c2}, text, (uint32_t)strlen(text)};
}

/* The tree of an incrementally edited document must equal a fresh parse of its text. */
static void assert_tree_matches_fresh_parse(pr_document *doc) {
  TSTree *fresh = ts_parser_parse_string(parser, NULL, pr_document_text(doc), pr_document_length(doc));
  char *a = ts_node_string(ts_tree_root_node(pr_document_tree(doc)));
  char *b = ts_node_string(ts_tree_root_node(fresh));
  assert_string_equal(a, b);
  free(a);
  free(b);
  ts_tree_delete(fresh);
}

static void ranged_edits_apply_in_order(void **state) {
  const char *t = "def f():\n    return 1\n";
  pr_document *doc = pr_document_new(parser, t, (uint32_t)strlen(t), 1);
  assert_non_null(doc);
  pr_change changes[] = {
    ranged(1, 11, 1, 12, "2"),          /* return 2 */
    ranged(0, 4, 0, 5, "go"),           /* def go(): */
    ranged(2, 0, 2, 0, "go()\n"),       /* append at the last (empty) line */
  };
  assert_int_equal(pr_document_apply(doc, parser, changes, 3, PR_UNIT_UTF16, 2, NULL), PR_DOC_OK);
  assert_string_equal(pr_document_text(doc), "def go():\n    return 2\ngo()\n");
  assert_int_equal(pr_document_version(doc), 2);
  assert_tree_matches_fresh_parse(doc);
  pr_document_delete(doc);
}

static void a_bad_range_leaves_the_document_unchanged(void **state) {
  const char *t = "a = 1\nb = 2\n";
  pr_document *doc = pr_document_new(parser, t, (uint32_t)strlen(t), 1);
  pr_change changes[] = {
    ranged(0, 0, 0, 1, "alpha"),        /* valid */
    ranged(1, 0, 1, 1, "beta"),         /* valid */
    ranged(9, 0, 9, 1, "x"),            /* line 9 does not exist */
  };
  uint32_t bad = 99;
  assert_int_equal(pr_document_apply(doc, parser, changes, 3, PR_UNIT_UTF16, 2, &bad), PR_DOC_BAD_RANGE);
  assert_int_equal(bad, 2);
  assert_string_equal(pr_document_text(doc), t);
  assert_int_equal(pr_document_version(doc), 1);
  pr_change reversed = ranged(1, 3, 0, 0, "x");  /* start after end */
  assert_int_equal(pr_document_apply(doc, parser, &reversed, 1, PR_UNIT_UTF16, 3, NULL), PR_DOC_BAD_RANGE);
  assert_string_equal(pr_document_text(doc), t);
  /* the line index was restored too: positions still convert as before */
  uint32_t byte;
  assert_true(pr_document_offset(doc, (pr_position){1, 4}, PR_UNIT_UTF16, &byte));
  assert_int_equal(byte, 10);
  assert_tree_matches_fresh_parse(doc);
  pr_document_delete(doc);
}

static void utf16_positions_address_the_right_bytes(void **state) {
  const char *t = "s = \"\xf0\x9f\x98\x80\"; t = 1\n";  /* an emoji: 2 UTF-16 units, 4 bytes */
  pr_document *doc = pr_document_new(parser, t, (uint32_t)strlen(t), 1);
  pr_change c = ranged(0, 10, 0, 11, "u");  /* UTF-16 column 10 is `t` (byte 12) */
  assert_int_equal(pr_document_apply(doc, parser, &c, 1, PR_UNIT_UTF16, 2, NULL), PR_DOC_OK);
  assert_string_equal(pr_document_text(doc), "s = \"\xf0\x9f\x98\x80\"; u = 1\n");
  pr_position p = pr_document_position(doc, 12, PR_UNIT_UTF16);
  assert_int_equal(p.line, 0);
  assert_int_equal(p.column, 10);
  p = pr_document_position(doc, 12, PR_UNIT_UTF8);
  assert_int_equal(p.column, 12);
  p = pr_document_position(doc, 12, PR_UNIT_UTF32);
  assert_int_equal(p.column, 9);
  pr_document_delete(doc);
}

static void crlf_lines_and_a_bom(void **state) {
  const char *t = "\xef\xbb\xbfx = 1\r\ny = 2\r\n";
  pr_document *doc = pr_document_new(parser, t, (uint32_t)strlen(t), 1);
  /* the BOM is kept out of the parse: no syntax error */
  assert_false(ts_node_has_error(ts_tree_root_node(pr_document_tree(doc))));
  pr_change c = ranged(1, 0, 1, 1, "z");
  assert_int_equal(pr_document_apply(doc, parser, &c, 1, PR_UNIT_UTF16, 2, NULL), PR_DOC_OK);
  assert_string_equal(pr_document_text(doc), "\xef\xbb\xbfx = 1\r\nz = 2\r\n");
  /* a column past the end of a CRLF line clamps before the \r */
  uint32_t byte;
  assert_true(pr_document_offset(doc, (pr_position){0, 99}, PR_UNIT_UTF16, &byte));
  assert_int_equal(byte, 8);
  assert_false(ts_node_has_error(ts_tree_root_node(pr_document_tree(doc))));
  pr_document_delete(doc);
}

static void the_end_of_the_document_is_addressable(void **state) {
  const char *t = "a\nb";
  pr_document *doc = pr_document_new(parser, t, (uint32_t)strlen(t), 1);
  pr_change c = ranged(2, 0, 2, 0, "\nc");  /* line == line count, column 0: the end */
  assert_int_equal(pr_document_apply(doc, parser, &c, 1, PR_UNIT_UTF16, 2, NULL), PR_DOC_OK);
  assert_string_equal(pr_document_text(doc), "a\nb\nc");
  pr_change beyond = ranged(5, 0, 5, 0, "x");
  assert_int_equal(pr_document_apply(doc, parser, &beyond, 1, PR_UNIT_UTF16, 3, NULL), PR_DOC_BAD_RANGE);
  pr_document_delete(doc);
}

/* Many random single-character edits, as typing does: text and tree stay right. */
static void random_typing_keeps_text_and_tree_consistent(void **state) {
  srand(11);
  const char *t = "class A:\n    def f(self, x):\n        if x:\n            return [i for i in x]\n        return None\n";
  pr_document *doc = pr_document_new(parser, t, (uint32_t)strlen(t), 1);
  static const char *keys[] = {"a", "(", ")", ":", "\n", " ", "#", "\"", "", "\xc3\xa9"};
  for (int i = 0; i < 500; i++) {
    const pr_line_index *lines = pr_document_lines(doc);
    uint32_t line = (uint32_t)rand() % lines->count;
    pr_change c = ranged(line, (uint32_t)rand() % 12, line, 0, keys[rand() % 10]);
    c.end = c.start;
    if (rand() % 3 == 0) c.end.column++;  /* sometimes replace one character */
    assert_int_equal(pr_document_apply(doc, parser, &c, 1, PR_UNIT_UTF16, i + 2, NULL), PR_DOC_OK);
    if (i % 25 == 0) assert_tree_matches_fresh_parse(doc);
  }
  assert_tree_matches_fresh_parse(doc);
  pr_document_delete(doc);
}

/* A released tree (the server keeps trees for recent documents only) comes back
 * with the next edit or on demand, equal to a fresh parse. */
static void a_released_tree_is_parsed_again_when_needed(void **state) {
  const char *t = "def f():\r    return 1\r";
  pr_document *doc = pr_document_new(parser, t, (uint32_t)strlen(t), 1);
  assert_non_null(pr_document_tree(doc));
  pr_document_release_tree(doc);
  assert_null(pr_document_tree(doc));
  pr_change c = ranged(1, 11, 1, 12, "2");
  assert_int_equal(pr_document_apply(doc, parser, &c, 1, PR_UNIT_UTF16, 2, NULL), PR_DOC_OK);
  assert_non_null(pr_document_tree(doc));
  assert_string_equal(pr_document_text(doc), "def f():\r    return 2\r");
  char *edited = ts_node_string(ts_tree_root_node(pr_document_tree(doc)));
  assert_non_null(strstr(edited, "(return_statement (integer))"));  /* the bare CR ended line 0 */
  pr_document_release_tree(doc);
  assert_true(pr_document_ensure_tree(doc, parser));
  char *again = ts_node_string(ts_tree_root_node(pr_document_tree(doc)));
  assert_string_equal(edited, again);
  free(edited);
  free(again);
  pr_document_delete(doc);
}

/* An edit that gives back a text one of the last edits started from (an undo,
 * a backspace) takes the tree kept for that text, without a parse; so does
 * deleting everything typed since the text last parsed without an error, a
 * dozen keystrokes later. The trees equal fresh parses, and the kept texts are
 * compared byte for byte (an edit of the same length is no undo). */
static void an_undo_takes_the_tree_kept_for_its_text(void **state) {
  const char *t = "class T:\n    def a(self):\n        return self.value\n\n    def b(self):\n        return 2\n";
  pr_document *doc = pr_document_new(parser, t, (uint32_t)strlen(t), 1);
  /* an unclosed `(` (the class is cut short), then its undo */
  pr_change open = ranged(2, 19, 2, 19, "(");
  assert_int_equal(pr_document_apply(doc, parser, &open, 1, PR_UNIT_UTF16, 2, NULL), PR_DOC_OK);
  assert_true(ts_node_has_error(ts_tree_root_node(pr_document_tree(doc))));
  pr_change undo = ranged(2, 19, 2, 20, "");
  assert_int_equal(pr_document_edit(doc, &undo, 1, PR_UNIT_UTF16, 3, NULL), PR_DOC_OK);
  assert_false(pr_document_needs_parse(doc));
  assert_string_equal(pr_document_text(doc), t);
  assert_tree_matches_fresh_parse(doc);
  /* the same length, other bytes: parsed */
  pr_change other = ranged(2, 19, 2, 20, "V");
  assert_int_equal(pr_document_edit(doc, &other, 1, PR_UNIT_UTF16, 4, NULL), PR_DOC_OK);
  assert_true(pr_document_needs_parse(doc));
  assert_true(pr_document_reparse(doc, parser));
  pr_change back = ranged(2, 19, 2, 20, ".");
  assert_int_equal(pr_document_apply(doc, parser, &back, 1, PR_UNIT_UTF16, 5, NULL), PR_DOC_OK);
  assert_tree_matches_fresh_parse(doc);
  /* `(` and a dozen keys after it, then one change deleting all of them */
  const char *keys = "(1, 2, 3, 4, ";
  for (uint32_t k = 0; keys[k]; k++) {
    char key[2] = {keys[k], 0};
    pr_change c = ranged(2, 19 + k, 2, 19 + k, key);
    assert_int_equal(pr_document_apply(doc, parser, &c, 1, PR_UNIT_UTF16, 6 + k, NULL), PR_DOC_OK);
  }
  assert_true(ts_node_has_error(ts_tree_root_node(pr_document_tree(doc))));
  pr_change all = ranged(2, 19, 2, 19 + (uint32_t)strlen(keys), "");
  assert_int_equal(pr_document_edit(doc, &all, 1, PR_UNIT_UTF16, 40, NULL), PR_DOC_OK);
  assert_false(pr_document_needs_parse(doc));
  assert_string_equal(pr_document_text(doc), t);
  assert_tree_matches_fresh_parse(doc);
  /* a released tree keeps no past */
  assert_int_equal(pr_document_apply(doc, parser, &open, 1, PR_UNIT_UTF16, 41, NULL), PR_DOC_OK);
  pr_document_release_tree(doc);
  assert_int_equal(pr_document_edit(doc, &undo, 1, PR_UNIT_UTF16, 42, NULL), PR_DOC_OK);
  assert_true(pr_document_needs_parse(doc));
  assert_true(pr_document_ensure_tree(doc, parser));
  assert_tree_matches_fresh_parse(doc);
  pr_document_delete(doc);
}

/* Trees that edits let go of wait for pr_document_take_garbage, which hands
 * them over (the caller deletes them): at most 8 wait, the oldest deleted
 * when a ninth comes; the document deletes those still waiting (the
 * sanitizers' leak check holds it to that). Handing them over changes
 * nothing the document shows. */
static void trees_let_go_of_wait_to_be_taken(void **state) {
  const char *t = "class T:\n    def a(self):\n        return self.value\n";
  pr_document *doc = pr_document_new(parser, t, (uint32_t)strlen(t), 1);
  TSTree *taken[16];
  assert_int_equal(pr_document_take_garbage(doc, taken, 16), 0);
  pr_change open = ranged(2, 19, 2, 19, "(");
  pr_change undo = ranged(2, 19, 2, 20, "");
  assert_int_equal(pr_document_apply(doc, parser, &open, 1, PR_UNIT_UTF16, 2, NULL), PR_DOC_OK);
  assert_int_equal(pr_document_apply(doc, parser, &undo, 1, PR_UNIT_UTF16, 3, NULL), PR_DOC_OK);
  /* the re-parse left the edited tree, the undo the broken one */
  uint32_t n = pr_document_take_garbage(doc, taken, 1);
  assert_int_equal(n, 1);
  ts_tree_delete(taken[0]);
  n = pr_document_take_garbage(doc, taken, 16);
  assert_true(n >= 1);
  while (n) ts_tree_delete(taken[--n]);
  assert_int_equal(pr_document_take_garbage(doc, taken, 16), 0);
  assert_tree_matches_fresh_parse(doc);
  for (int64_t v = 4; v < 40; v += 2) {
    assert_int_equal(pr_document_apply(doc, parser, &open, 1, PR_UNIT_UTF16, v, NULL), PR_DOC_OK);
    assert_int_equal(pr_document_apply(doc, parser, &undo, 1, PR_UNIT_UTF16, v + 1, NULL), PR_DOC_OK);
  }
  assert_int_equal(pr_document_take_garbage(doc, taken, 16), 8);
  for (int i = 0; i < 8; i++) ts_tree_delete(taken[i]);
  assert_tree_matches_fresh_parse(doc);
  /* some left waiting: pr_document_delete deletes them */
  assert_int_equal(pr_document_apply(doc, parser, &open, 1, PR_UNIT_UTF16, 50, NULL), PR_DOC_OK);
  pr_document_delete(doc);
}

/* Columns found from remembered places on a long line (pr_position_memo) equal
 * columns counted from the line's start, in any order of offsets, in every
 * unit: ASCII, 2-, 3- and 4-byte characters, an invalid byte and a stray
 * continuation byte; a second line; offsets inside a character. */
static void remembered_columns_equal_counted_ones(void **state) {
  const char *t = "x = 'a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xFF\x80" "b' + y\r\n\tz\xC3\xA9 = 2\n";
  uint32_t len = (uint32_t)strlen(t);
  pr_line_index lines = {0};
  assert_true(pr_line_index_build(&lines, t, len));
  static const pr_unit units[] = {PR_UNIT_UTF8, PR_UNIT_UTF16, PR_UNIT_UTF32};
  uint32_t seed = 7;
  for (int u = 0; u < 3; u++) {
    pr_position_memo memo = {0};
    for (int i = 0; i < 2000; i++) {
      seed = seed * 1103515245u + 12345u;
      uint32_t byte = (seed >> 8) % (len + 1);
      pr_position a = pr_text_position_near(t, len, &lines, byte, units[u], &memo);
      pr_position b = pr_text_position(t, len, &lines, byte, units[u]);
      assert_int_equal(a.line, b.line);
      assert_int_equal(a.column, b.column);
    }
  }
  pr_line_index_free(&lines);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(remembered_columns_equal_counted_ones),
    cmocka_unit_test(ranged_edits_apply_in_order),
    cmocka_unit_test(a_bad_range_leaves_the_document_unchanged),
    cmocka_unit_test(utf16_positions_address_the_right_bytes),
    cmocka_unit_test(crlf_lines_and_a_bom),
    cmocka_unit_test(the_end_of_the_document_is_addressable),
    cmocka_unit_test(random_typing_keeps_text_and_tree_consistent),
    cmocka_unit_test(a_released_tree_is_parsed_again_when_needed),
    cmocka_unit_test(an_undo_takes_the_tree_kept_for_its_text),
    cmocka_unit_test(trees_let_go_of_wait_to_be_taken),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
