/* Unit tests: tree-sitter's per-file arena (core/text/tsarena.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "syntax.h"
#include "tsarena.h"

/* tree-sitter's allocation hooks (its lib/src/alloc.h), to call the arena's
   functions the way tree-sitter does */
extern void *(*ts_current_malloc)(size_t);
extern void *(*ts_current_calloc)(size_t, size_t);
extern void *(*ts_current_realloc)(void *, size_t);
extern void (*ts_current_free)(void *);

static const char pr_source[] =
    "import os\n"
    "class C(Base):\n"
    "    def test_x(self, a: int = 1) -> None:\n"
    "        for i in range(3):\n"
    "            if (a and\n"
    "                    i): print(f'{a!r:>{i}}', os.sep)\n"
    "        try:\n"
    "            pass\n"
    "        except (ValueError, TypeError) as e:\n"
    "            raise RuntimeError('x') from e\n"
    "    def broken(self:\n"
    "        return [x for x in y if x]\n";

static char *pr_parse_sexp(TSParser *parser, const char *text) {
  TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)strlen(text));
  assert_non_null(tree);
  char *s = ts_node_string(ts_tree_root_node(tree));  /* malloc'd by tree-sitter's hooks */
  char *copy = strdup(s);
  ts_current_free(s);
  ts_tree_delete(tree);
  return copy;
}

static int pr_install(void **state) {
  pr_ts_arena_install();
  return 0;
}

/* A tree parsed in a scope is the tree parsed on the heap, file after file. */
static void a_tree_parsed_in_a_scope_is_the_tree_parsed_on_the_heap(void **state) {
  TSParser *heap_parser = pr_parser_new();
  char *expected = pr_parse_sexp(heap_parser, pr_source);
  for (int file = 0; file < 3; file++) {
    pr_ts_scope_begin();
    TSParser *parser = pr_parser_new();
    assert_non_null(parser);
    char *got = pr_parse_sexp(parser, pr_source);
    assert_true(pr_ts_arena_used() > 0);  /* the parser and its tree came from the arena */
    ts_parser_delete(parser);
    pr_ts_scope_end();
    assert_string_equal(got, expected);
    free(got);
  }
  ts_parser_delete(heap_parser);
  free(expected);
  pr_ts_arena_release();
}

/* An object made before the scope may be deleted inside it: its memory goes to free. */
static void heap_objects_may_be_deleted_inside_a_scope(void **state) {
  TSParser *parser = pr_parser_new();
  TSTree *tree = ts_parser_parse_string(parser, NULL, pr_source, (uint32_t)strlen(pr_source));
  void *block = ts_current_malloc(100);
  pr_ts_scope_begin();
  block = ts_current_realloc(block, 5000);  /* a heap block stays on the heap */
  memset(block, 7, 5000);
  ts_current_free(block);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  pr_ts_scope_end();
  pr_ts_arena_release();
}

/* realloc keeps the contents whether the block grows in place (the latest one) or moves. */
static void realloc_keeps_contents_in_place_and_when_moved(void **state) {
  pr_ts_scope_begin();
  size_t before = pr_ts_arena_used();
  unsigned char *a = ts_current_malloc(24);
  for (int i = 0; i < 24; i++) a[i] = (unsigned char)i;
  unsigned char *a2 = ts_current_realloc(a, 4000);
  assert_ptr_equal(a2, a);  /* the latest allocation grows where it is */
  unsigned char *b = ts_current_malloc(16);
  memset(b, 0xAB, 16);
  unsigned char *a3 = ts_current_realloc(a2, 9000);
  assert_ptr_not_equal(a3, a2);  /* no longer the latest: moved */
  for (int i = 0; i < 24; i++) assert_int_equal(a3[i], i);
  for (int i = 0; i < 16; i++) assert_int_equal(b[i], 0xAB);
  ts_current_free(a3);  /* the latest: given back */
  ts_current_free(b);
  assert_true(pr_ts_arena_used() > before);  /* a2's bytes are not reused before the scope ends */
  /* larger than an arena may hold: served by malloc, freed by free */
  assert_true(pr_ts_scope_holds_everything());
  void *big = ts_current_malloc(PR_TS_ARENA_MAX + 1);
  assert_non_null(big);
  assert_false(pr_ts_scope_holds_everything());  /* objects of this scope must be deleted now */
  ts_current_free(big);
  pr_ts_scope_end();
  assert_false(pr_ts_scope_holds_everything());  /* no scope open */
  pr_ts_arena_release();
}

/* tree-sitter's error recovery copies arrays of subtrees again and again:
   a freed big array's bytes serve the next one of its size class (else a 16 KB
   broken file filled the arena's 256 MB), and calloc still gives zeros. */
static void big_arrays_freed_in_a_scope_are_reused(void **state) {
  pr_ts_scope_begin();
  size_t before = pr_ts_arena_used();
  unsigned char *first = NULL;
  for (int i = 0; i < 1000; i++) {
    unsigned char *x = ts_current_calloc(1, 20000 + (size_t)(i % 7));
    for (int k = 0; k < 20000; k += 997) assert_int_equal(x[k], 0);
    memset(x, 0x5A, 20000);
    if (!first) first = x;
    assert_ptr_equal(x, first);  /* the same bytes each time */
    assert_non_null(ts_current_malloc(16));  /* x is not the latest allocation when freed */
    ts_current_free(x);
  }
  assert_true(pr_ts_arena_used() - before < 64 * 1024);
  assert_true(pr_ts_scope_holds_everything());
  pr_ts_scope_end();
  pr_ts_arena_release();
}

/* A tree left undeleted is reclaimed by the scope's end (check skips the
   deletion's walk over every node); memcheck and ASan see no leak. */
static void a_tree_left_undeleted_is_reclaimed_by_the_scope(void **state) {
  for (int file = 0; file < 3; file++) {
    pr_ts_scope_begin();
    TSParser *parser = pr_parser_new();
    TSTree *tree = ts_parser_parse_string(parser, NULL, pr_source, (uint32_t)strlen(pr_source));
    assert_non_null(tree);
    assert_true(pr_ts_scope_holds_everything());
    ts_parser_delete(parser);
    pr_ts_scope_end();
  }
  pr_ts_arena_release();
}

/* A file that needed several blocks: the next scope gets them back as one. */
static void a_big_file_leaves_room_for_the_next(void **state) {
  for (int file = 0; file < 2; file++) {
    pr_ts_scope_begin();
    unsigned char *parts[4];
    for (int i = 0; i < 4; i++) {
      parts[i] = ts_current_malloc(700000);
      memset(parts[i], i + 1, 700000);
    }
    for (int i = 0; i < 4; i++) assert_int_equal(parts[i][699999], i + 1);
    assert_true(pr_ts_arena_used() >= 4 * 700000);
    for (int i = 0; i < 4; i++) ts_current_free(parts[i]);
    pr_ts_scope_end();
  }
  pr_ts_arena_release();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_tree_parsed_in_a_scope_is_the_tree_parsed_on_the_heap),
      cmocka_unit_test(heap_objects_may_be_deleted_inside_a_scope),
      cmocka_unit_test(realloc_keeps_contents_in_place_and_when_moved),
      cmocka_unit_test(big_arrays_freed_in_a_scope_are_reused),
      cmocka_unit_test(a_big_file_leaves_room_for_the_next),
      cmocka_unit_test(a_tree_left_undeleted_is_reclaimed_by_the_scope),
  };
  return cmocka_run_group_tests(tests, pr_install, NULL);
}
