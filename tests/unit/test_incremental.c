/* Unit tests: the incremental review (core/incremental.c, core/engine.c).
 *
 * Same answer, always: for every rule fixture of tests/rules/ (files written to
 * have many findings, with BOMs, CRLF, tabs, Python 2 and syntax errors), a
 * review that reuses the document's kept results must give exactly the
 * findings (code, range, statement, severity, message, related information)
 * of a full review of the same text: first unchanged, then after each of a
 * seeded series of edits (a character inside a line, `(`, a newline, `# ` at
 * the start of a line, a deleted character, a pasted `global`, a pasted
 * Python 2 print). The test also checks that results were in fact reused, so
 * it cannot pass by reviewing everything every time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <dirent.h>
#include <sys/stat.h>

#include "document.h"
#include "engine.h"
#include "incremental.h"
#include "options.h"
#include "ruleset.h"
#include "syntax.h"
#include "testcode.h"

static uint64_t reused_total, walked_total, edits_total, findings_total, incremental_reviews;

static char *read_all(const char *path, uint32_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) { free(b); b = NULL; }
  fclose(f);
  if (b) { b[n] = 0; *len = (uint32_t)n; }
  return b;
}

static bool same_finding(const pr_finding *x, const pr_finding *y) {
  if (strcmp(x->rule->code, y->rule->code) || x->start != y->start || x->end != y->end ||
      x->stmt_start != y->stmt_start || x->stmt_end != y->stmt_end || x->severity != y->severity ||
      strcmp(x->message, y->message) || x->related_count != y->related_count)
    return false;
  for (uint32_t j = 0; j < x->related_count; j++)
    if (x->related[j].start != y->related[j].start || x->related[j].end != y->related[j].end ||
        strcmp(x->related[j].message, y->related[j].message))
      return false;
  if (!x->fix_message != !y->fix_message || (x->fix_message && strcmp(x->fix_message, y->fix_message)) ||
      x->edit_count != y->edit_count)
    return false;
  for (uint32_t j = 0; j < x->edit_count; j++)
    if (x->edits[j].start != y->edits[j].start || x->edits[j].end != y->edits[j].end ||
        strcmp(x->edits[j].text, y->edits[j].text))
      return false;
  return true;
}

/* Reviews the document with its cache, and again without; fails on any difference. */
static void compare(const char *name, const char *what, pr_document *doc, pr_review_cache *cache, TSParser *parser,
                    bool test_file) {
  pr_review inc, full;
  pr_review_options oi = {.path = name, .test_file = test_file, .lines = pr_document_lines(doc), .cache = cache};
  assert_int_equal(pr_review_file(pr_document_text(doc), pr_document_length(doc), pr_document_tree(doc), &oi, &inc),
                   PR_REVIEW_OK);
  /* the same tree: after an edit near a syntax error tree-sitter's repair may
     differ from a fresh parse's (test_edit_differential accepts that); here
     only the review may differ, and must not */
  pr_review_options of = {.path = name, .test_file = test_file, .lines = pr_document_lines(doc)};
  assert_int_equal(pr_review_file(pr_document_text(doc), pr_document_length(doc), pr_document_tree(doc), &of, &full),
                   PR_REVIEW_OK);
  uint32_t n = inc.count < full.count ? inc.count : full.count, i = 0;
  while (i < n && same_finding(inc.findings[i], full.findings[i])) i++;
  if (i < n || inc.count != full.count) {
    fprintf(stderr, "%s, %s: finding %u of %u (incremental) / %u (full) differs\n", name, what, i, inc.count,
            full.count);
    if (i < inc.count)
      fprintf(stderr, "  incremental: %s %u..%u (stmt %u..%u) %s\n", inc.findings[i]->rule->code,
              inc.findings[i]->start, inc.findings[i]->end, inc.findings[i]->stmt_start, inc.findings[i]->stmt_end,
              inc.findings[i]->message);
    if (i < full.count)
      fprintf(stderr, "  full:        %s %u..%u (stmt %u..%u) %s\n", full.findings[i]->rule->code,
              full.findings[i]->start, full.findings[i]->end, full.findings[i]->stmt_start,
              full.findings[i]->stmt_end, full.findings[i]->message);
    fprintf(stderr, "  text:\n%s\n", pr_document_text(doc));
    fail();
  }
  if (strncmp(what, "edit", 4) == 0) {  /* the first review walks everything by definition */
    reused_total += cache->last_reused;
    walked_total += cache->last_walked;
    incremental_reviews += !cache->last_full;
    if (getenv("PR_INC_VERBOSE"))
      fprintf(stderr, "%s %s: %s, walked %u, reused %u\n", name, what, cache->last_full ? "full" : "incremental",
              cache->last_walked, cache->last_reused);
  }
  findings_total += full.count;
  pr_review_free(&inc);
  pr_review_free(&full);
  (void)parser;
}

static uint64_t rng_next(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

/* A byte offset at a character boundary, not inside a CRLF pair. */
static uint32_t boundary(const char *t, uint32_t len, uint64_t *rng) {
  if (!len) return 0;
  uint32_t at = (uint32_t)(rng_next(rng) % (len + 1));
  while (at < len && ((((unsigned char)t[at]) & 0xC0) == 0x80 || (at > 0 && t[at] == '\n' && t[at - 1] == '\r')))
    at++;
  return at;
}

static void edit(pr_document *doc, TSParser *parser, uint32_t start, uint32_t end, const char *text) {
  pr_change c = {.has_range = true,
                 .start = pr_document_position(doc, start, PR_UNIT_UTF8),
                 .end = pr_document_position(doc, end, PR_UNIT_UTF8),
                 .text = text,
                 .len = (uint32_t)strlen(text)};
  uint32_t bad;
  assert_int_equal(pr_document_apply(doc, parser, &c, 1, PR_UNIT_UTF8, pr_document_version(doc) + 1, &bad),
                   PR_DOC_OK);
}

static uint64_t spares_kept;  /* reviews after which the cache kept a working array (incremental.h: pr_spare) */

static void count_spares(const pr_review_cache *cache) {
  for (int i = 0; i < PR_SPARE_SLOTS; i++)
    if (cache->spare[i].data) { spares_kept++; return; }
}

/* Reviews `text` under seeded edits (`edits` of them, about half undone), each
 * incrementally and in full (compare). */
static void check_text(const char *text, uint32_t len, const char *name, bool test_file, TSParser *parser,
                       uint64_t seed, int edits, bool keep_all_arrays) {
  pr_document *doc = pr_document_new(parser, text, len, 1);
  assert_non_null(doc);
  pr_review_cache *cache = pr_review_cache_new();
  /* every working array kept, however small: each review then starts from
     the last one's arrays, tables included, which must not change a finding */
  if (keep_all_arrays) cache->spare_min_bytes = 1;
  assert_non_null(cache);
  compare(name, "first review", doc, cache, parser, test_file);
  /* what a function produced points only into it (or at a scope around it):
     else its results cannot be kept, and every keystroke walks it again */
  if (cache->last_unkept) fprintf(stderr, "%s: %u functions' results could not be kept\n", name, cache->last_unkept);
  assert_int_equal(cache->last_unkept, 0);
  compare(name, "unchanged", doc, cache, parser, test_file);
  /* unchanged: every kept result is reused (identical functions share one) */
  assert_true(cache->last_reused >= cache->count);
  if (cache->count) assert_false(cache->last_full);
  static const char *const inserts[] = {"x", "(", "\n", "# ", "\n    ", "_id", "\n    global counter\n",
                                        "\n    print 'old'\n", ")", ":", "\"", "\r\n"};
  uint64_t rng = seed | 1;
  for (int e = 0; e < edits; e++) {
    uint32_t n = pr_document_length(doc);
    const char *t = pr_document_text(doc);
    uint32_t at = boundary(t, n, &rng);
    if (rng_next(&rng) % 4 != 0) {
      /* mostly on an indented line, inside a function as typing mostly is:
         that is where results are reused */
      for (int tries = 0; tries < 8; tries++) {
        uint32_t b = boundary(t, n, &rng), ls = b;
        while (ls > 0 && t[ls - 1] != '\n' && t[ls - 1] != '\r') ls--;
        uint32_t le = b;
        while (le < n && t[le] != '\n' && t[le] != '\r') le++;
        if (ls < n && (t[ls] == ' ' || t[ls] == '\t') && le > ls + 4) {
          at = ls + 4 + (uint32_t)(rng_next(&rng) % (le - ls - 4 + 1));
          while (at < n && (((unsigned char)t[at]) & 0xC0) == 0x80) at++;
          break;
        }
      }
    }
    char what[96];
    char removed[8] = "";
    const char *ins = NULL;
    uint32_t end = at;
    if (rng_next(&rng) % 4 == 0 && at < n) {
      end = at + 1;
      while (end < n && (((unsigned char)t[end]) & 0xC0) == 0x80) end++;
      if (end < n && t[end - 1] == '\r' && t[end] == '\n') end++;
      memcpy(removed, t + at, end - at);
      removed[end - at] = 0;
      snprintf(what, sizeof what, "edit %d: delete %u..%u", e, at, end);
      edit(doc, parser, at, end, "");
    } else {
      ins = inserts[rng_next(&rng) % (sizeof inserts / sizeof *inserts)];
      if (ins[0] == '#' || ins[0] == '\n') {  /* at the start of a line */
        while (at > 0 && t[at - 1] != '\n' && t[at - 1] != '\r') at--;
      }
      snprintf(what, sizeof what, "edit %d: insert %u", e, at);
      edit(doc, parser, at, at, ins);
    }
    edits_total++;
    compare(name, what, doc, cache, parser, test_file);
    count_spares(cache);
    /* typing mostly mends what it breaks: undo half of the edits */
    if (rng_next(&rng) % 2) {
      snprintf(what, sizeof what, "edit %d undone", e);
      if (ins) edit(doc, parser, at, at + (uint32_t)strlen(ins), "");
      else edit(doc, parser, at, at, removed);
      compare(name, what, doc, cache, parser, test_file);
    }
  }
  pr_review_cache_free(cache);
  pr_document_delete(doc);
}

static void check_file(const char *path, const char *name, bool test_file, TSParser *parser, uint64_t seed) {
  uint32_t len;
  char *text = read_all(path, &len);
  assert_non_null(text);
  check_text(text, len, name, test_file, parser, seed, 24, (seed >> 32) % 2 == 0);
  free(text);
}

/* Every .py under dir (recursively); `rel` is the path below the rule folder. */
static void walk(const char *dir, const char *rel, TSParser *parser, uint64_t *seed, uint32_t *files) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[1024], sub[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
    struct stat st;
    if (stat(path, &st)) continue;
    if (S_ISDIR(st.st_mode)) {
      walk(path, sub, parser, seed, files);
    } else if (strlen(e->d_name) > 3 && !strcmp(e->d_name + strlen(e->d_name) - 3, ".py")) {
      (*seed)++;
      /* under valgrind (PR_TEST_SLOW) every eighth file */
      if (getenv("PR_TEST_SLOW") && *seed % 8) continue;
      check_file(path, sub, pr_is_test_path(sub), parser, *seed * 0x9E3779B97F4A7C15ull);
      (*files)++;
    }
  }
  closedir(d);
}

static void fixtures_give_the_full_answer(void **state) {
  (void)state;
  const char *src = getenv("PR_SOURCE_DIR");
  assert_non_null(src);
  char rules[1024];
  snprintf(rules, sizeof rules, "%s/tests/rules", src);
  TSParser *parser = pr_parser_new();
  assert_non_null(parser);
  DIR *d = opendir(rules);
  assert_non_null(d);
  struct dirent *e;
  uint64_t seed = 0;
  uint32_t files = 0;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", rules, e->d_name);
    struct stat st;
    if (stat(path, &st) || !S_ISDIR(st.st_mode)) continue;
    walk(path, "", parser, &seed, &files);
  }
  closedir(d);
  ts_parser_delete(parser);
  fprintf(stderr,
          "incremental: %u files, %llu edits, %llu findings compared; %llu reviews after an edit reused results; "
          "segments reused %llu, walked %llu\n",
          files, (unsigned long long)edits_total, (unsigned long long)findings_total,
          (unsigned long long)incremental_reviews, (unsigned long long)reused_total, (unsigned long long)walked_total);
  /* not vacuous: most segments were reused */
  bool slow = getenv("PR_TEST_SLOW") != NULL;
  assert_true(files > (slow ? 5u : 20u));
  assert_true(findings_total > (slow ? 100u : 1000u));
  assert_true(incremental_reviews > (slow ? 100u : 1000u) && reused_total > (slow ? 1000u : 10000u));
}

/* A document large enough that the review's arrays are kept between reviews
 * (PR_SPARE_MIN_BYTES): the fixtures of a few rules, one after another, give
 * the full answer under edits too, reusing those arrays. */
static void large_documents_keep_their_arrays(void **state) {
  (void)state;
  const char *src = getenv("PR_SOURCE_DIR");
  assert_non_null(src);
  static const char *const files[] = {
    "TST003/inventory_test.py", "NAM001/billing.py", "DED001/services.py", "SEC001/analytics.py",
    "TST001/parser_test.py", "DOC102/inventory.py", "SEC005/client.py", NULL};
  size_t cap = 1 << 20, len = 0;
  char *text = malloc(cap);
  assert_non_null(text);
  for (int round = 0; len < 320 * 1024; round++) {
    bool any = false;
    for (int i = 0; files[i] && len < 320 * 1024; i++) {
      char path[1024];
      snprintf(path, sizeof path, "%s/tests/rules/%s", src, files[i]);
      uint32_t n;
      char *t = read_all(path, &n);
      if (!t) continue;  /* a fixture renamed: the others still make the document */
      any = true;
      while (len + n + 2 > cap) {
        cap *= 2;
        char *grown = realloc(text, cap);
        assert_non_null(grown);
        text = grown;
      }
      memcpy(text + len, t, n);
      len += n;
      if (n && t[n - 1] != '\n') text[len++] = '\n';
      free(t);
    }
    assert_true(any);
    (void)round;
  }
  TSParser *parser = pr_parser_new();
  uint64_t before = spares_kept;
  check_text(text, (uint32_t)len, "large.py", false, parser, 0x5EED, getenv("PR_TEST_SLOW") ? 4 : 12, false);
  assert_true(spares_kept > before);
  ts_parser_delete(parser);
  free(text);
}

static void apply_text(pr_document *doc, TSParser *parser, const char *find, const char *replace) {
  const char *t = pr_document_text(doc);
  const char *p = strstr(t, find);
  assert_non_null(p);
  uint32_t at = (uint32_t)(p - t);
  edit(doc, parser, at, at + (uint32_t)strlen(find), replace);
}

/* What a review walks: the changed function only, and the functions that read
 * a part of the skeleton that changed. */
static void reuse_is_local(void **state) {
  (void)state;
  TSParser *parser = pr_parser_new();
  const char *text =
      "import os\n"
      "import subprocess\n"
      "X = 2\n"
      "\n"
      "class Runner:\n"
      "    def first(self, cmd):\n"
      "        os.system(cmd)\n"
      "\n"
      "    def second(self, cmd):\n"
      "        unused = cmd\n"
      "        subprocess.run(cmd, shell=True)\n"
      "\n"
      "    def thirdOne(self):\n"
      "        return X\n"
      "\n"
      "def helper_func(a):\n"
      "    return eval(a)\n";
  pr_document *doc = pr_document_new(parser, text, (uint32_t)strlen(text), 1);
  pr_review_cache *cache = pr_review_cache_new();
  compare("local.py", "first review", doc, cache, parser, false);
  assert_true(cache->last_full);
  assert_int_equal(cache->last_walked, 4);
  /* typing inside one method */
  apply_text(doc, parser, "unused = cmd", "unused = cmdx");
  compare("local.py", "edit in second", doc, cache, parser, false);
  assert_false(cache->last_full);
  assert_int_equal(cache->last_walked, 1);
  assert_int_equal(cache->last_reused, 3);
  /* a comment and a blank line at module level change nothing rules see */
  apply_text(doc, parser, "X = 2\n", "X = 2  # the answer\n\n");
  compare("local.py", "module comment", doc, cache, parser, false);
  assert_false(cache->last_full);
  assert_int_equal(cache->last_walked, 0);
  /* commenting out a def line folds its body into the method above */
  apply_text(doc, parser, "    def thirdOne(self):", "#    def thirdOne(self):");
  compare("local.py", "def commented out", doc, cache, parser, false);
  apply_text(doc, parser, "#    def thirdOne(self):", "    def thirdOne(self):");
  compare("local.py", "def restored", doc, cache, parser, false);
  /* a module constant changed: only the method that reads it is walked */
  apply_text(doc, parser, "X = 2", "X = 3");
  compare("local.py", "constant changed", doc, cache, parser, false);
  assert_false(cache->last_full);
  assert_int_equal(cache->last_walked, 1);
  /* a module binding of a builtin's name: the function that reads the builtin
     is walked again (`eval` is no longer the builtin) */
  apply_text(doc, parser, "X = 3", "X = 3\neval = print");
  compare("local.py", "builtin shadowed", doc, cache, parser, false);
  assert_false(cache->last_full);
  assert_int_equal(cache->last_walked, 1);
  /* a class's base rebound: its methods are walked again, the function is not */
  apply_text(doc, parser, "class Runner:", "class Runner(os.PathLike):");
  compare("local.py", "base added", doc, cache, parser, false);
  assert_int_equal(cache->last_walked, 3);
  assert_int_equal(cache->last_reused, 1);
  pr_review_cache_free(cache);
  pr_document_delete(doc);
  ts_parser_delete(parser);
}

/* An unclosed `(` in one method cuts its class short: the methods after it
 * are handed to the module and walked there. While the call is typed the
 * file stays broken; the `)` restores the class, and the results kept from
 * before the `(` serve again: only the edited method is walked. The same
 * after an undo, and after a dozen broken keystrokes. */
static void a_closed_paren_reuses_what_came_before(void **state) {
  (void)state;
  TSParser *parser = pr_parser_new();
  char text[8192];
  size_t n = (size_t)snprintf(text, sizeof text, "import os\n\n\nclass TestThings(object):\n");
  for (int i = 0; i < 12; i++)
    n += (size_t)snprintf(text + n, sizeof text - n,
                          "    def test_%d(self):\n        value = os.path.join('a', '%d')\n"
                          "        self.assertTrue(value == '%d')\n\n", i, i, i);
  n += (size_t)snprintf(text + n, sizeof text - n, "\ndef tail():\n    return os.sep\n");
  pr_document *doc = pr_document_new(parser, text, (uint32_t)n, 1);
  pr_review_cache *cache = pr_review_cache_new();
  compare("test_things.py", "first review", doc, cache, parser, true);
  assert_int_equal(cache->last_walked, 13);
  /* `(` inside a name of the third method, then its undo */
  apply_text(doc, parser, "os.path.join('a', '2')", "os.pa(th.join('a', '2')");
  compare("test_things.py", "edit: `(`", doc, cache, parser, true);
  assert_true(cache->last_walked < 13);
  apply_text(doc, parser, "os.pa(th.join('a', '2')", "os.path.join('a', '2')");
  compare("test_things.py", "edit: `(` undone", doc, cache, parser, true);
  assert_int_equal(cache->last_walked, 0);
  assert_int_equal(cache->last_reused, 13);
  /* a call typed one key at a time at the end of a line of the fifth method */
  const char *keys[] = {"\n        f", "(", "v", "a", "l", "u", "e", ",", " ", "1", ")"};
  const char *t = pr_document_text(doc);
  uint32_t pos = (uint32_t)(strstr(t, "'4')\n") + 4 - t);
  for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
    edit(doc, parser, pos, pos, keys[k]);
    pos += (uint32_t)strlen(keys[k]);
    compare("test_things.py", "edit: a call typed", doc, cache, parser, true);
  }
  assert_non_null(strstr(pr_document_text(doc), "        f(value, 1)\n"));
  assert_int_equal(cache->last_walked, 1);
  assert_int_equal(cache->last_reused, 12);
  pr_review_cache_free(cache);
  pr_document_delete(doc);
  ts_parser_delete(parser);
}

/* An unclosed `(` in one method, balanced far below: tree-sitter's recovery
 * leaves the body of the next method in the class body, indented as a
 * method's. Python rejects such statements ("unexpected indent"), so they are
 * read as an ERROR node is and bind no class attribute: an edit inside one
 * leaves the other methods' kept results valid (their results depend on the
 * class's attributes). Before, the five assignments bound attributes of the
 * class, and on a 22,921-line test class every such keystroke walked its
 * 1,300 methods again. */
static void stranded_class_statements_bind_nothing(void **state) {
  (void)state;
  TSParser *parser = pr_parser_new();
  const char *text =
      "import unittest\n"
      "from unittest import mock\n"
      "\n"
      "\n"
      "class TestShelf(unittest.TestCase):\n"
      "    LIMIT = 3\n"
      "\n"
      "    def test_limit(self):\n"
      "        self.assertEqual(self.LIMIT, 3)\n"
      "\n"
      "    @mock.patch('shelf.store.Store.open')\n"
      "    @mock.patch('shelf.store.Store.close')\n"
      "    def test_store(self, mock_close,\n"
      "                   mock_open):\n"
      "        shelf = make_shelf(**self.settings)\n"
      "        shelf.readonly = 'True'\n"
      "\n"
      "        helper = self.useFixture(\n"
      "            ShelfFixture(exists=lambda x: False))\n"
      "\n"
      "        mock_open.return_value = None\n"
      "        opened = open_shelf(\n"
      "            name=mock.sentinel.name,\n"
      "            mode=mock.sentinel.mode,\n"
      "            files=mock.sentinel.files\n"
      "        )\n"
      "        store = shelf_store.Store(make_config(), False)\n"
      "        store.attach(self.context, shelf, opened)\n"
      "\n"
      "        expected_path = os.path.join(\n"
      "            ROOT, shelf.uuid, 'index.db')\n"
      "        m(ock_open.assert_called_once_with(expected_path)\n"
      "        mock_close.assert_called_once_with(shelf,\n"
      "            name=mock.sentinel.name,\n"
      "            content=mock.sentinel.files,\n"
      "            extra={'mode': mock.sentinel.mode})\n"
      "\n"
      "        helper.entries['index.db'].load.assert_called_once_with(\n"
      "            shelf, mock.ANY, 'index.db')\n"
      "\n"
      "    @ddt.unpack\n"
      "    @ddt.data({'expected': 200, 'size': 200},\n"
      "              {'expected': 100, 'size': 200, 'extra': 100},\n"
      "              {'expected': 200, 'size': 200, 'extra': 100,\n"
      "               'legacy': True})\n"
      "    def test_resize(self, expected,\n"
      "                    size=None, extra=None,\n"
      "                    legacy=False):\n"
      "        # Which of the two sizes wins: the one given, or the\n"
      "        # shelf's own.\n"
      "        store = shelf_store.Store(make_config(), False)\n"
      "        settings = self.settings\n"
      "        settings['name'] = ''\n"
      "        shelf = make_shelf(**settings)\n"
      "\n"
      "        if size is not None:\n"
      "            shelf.size = size\n"
      "\n"
      "        info = {'entries': [{'index': 0}]}\n"
      "        if extra is not None:\n"
      "            info['extra'] = {'extra_size': extra, 'name': '/dev/x'}\n"
      "\n"
      "        resize_kwargs = {}\n"
      "        if legacy:\n"
      "            resize_kwargs['ignore_extra'] = True\n"
      "\n"
      "        layout = Layout.from_dict(self.layout)\n"
      "        plan = planner.get_plan(SETTINGS.kind,\n"
      "                                shelf, layout,\n"
      "                                info=info)\n"
      "\n"
      "        helper = self.useFixture(ShelfFixture())\n"
      "        store.resize(self.context, shelf, plan['mapping'],\n"
      "                     info=info, **resize_kwargs)\n"
      "\n"
      "        helper.mock_resize.assert_called_once_with(\n"
      "            target='extra_%i' % expected, size_mb=expected,\n"
      "            context=self.context)\n"
      "        helper.entries['index.swap'].cache.assert_called_once_with(\n"
      "            fetch=mock.ANY, filename='extra_%i' % expected,\n"
      "            size=expected * 1024, context=self.context, size_mb=expected,\n"
      "            safe=True)\n"
      "\n"
      ")\n"
      "\n"
      "def after():\n"
      "    return 1\n";
  pr_document *doc = pr_document_new(parser, text, (uint32_t)strlen(text), 1);
  pr_review_cache *cache = pr_review_cache_new();
  compare("test_shelf.py", "first review", doc, cache, parser, true);
  apply_text(doc, parser, "Layout.from_dict(self.layout)", "Layout.from_dict(self.other)");
  compare("test_shelf.py", "edit: a stranded statement", doc, cache, parser, true);
  assert_false(cache->last_full);
  /* test_limit and after() are kept (test_limit was walked again before);
     test_store holds the error and is walked every time */
  assert_int_equal(cache->last_reused, 2);
  assert_int_equal(cache->last_walked, 1);
  pr_review_cache_free(cache);
  pr_document_delete(doc);
  ts_parser_delete(parser);
}

/* Defs of the module that are indented (pasted code; or the methods after an
 * error that made tree-sitter cut their class short, 300 of them in the Nova
 * test module at every keystroke until the error is mended) are read as
 * ERROR nodes are: their names are references, nothing of them is bound or
 * reported. Their results are kept like a function's, under a context of
 * their own: an edit walks the stranded def it touches, not all of them, and
 * what the others read (here the module's only uses of `os` once `after`
 * stops reading it) still counts. */
static void stranded_defs_are_kept(void **state) {
  (void)state;
  TSParser *parser = pr_parser_new();
  const char *text =
      "\"\"\"Paths.\"\"\"\n"
      "import os\n"
      "\n"
      "\n"
      "    def first(path):\n"
      "        return os.path.join(path, 'a')\n"
      "\n"
      "    def second(path):\n"
      "        unused = 1\n"
      "        return os.path.basename(path)\n"
      "\n"
      "    @staticmethod\n"
      "    def third(path):\n"
      "        return os.sep + path\n"
      "\n"
      "\n"
      "def after():\n"
      "    return os.sep\n";
  pr_document *doc = pr_document_new(parser, text, (uint32_t)strlen(text), 1);
  pr_review_cache *cache = pr_review_cache_new();
  compare("paths.py", "first review", doc, cache, parser, false);
  apply_text(doc, parser, "os.sep + path", "os.sep + path + 'x'");
  compare("paths.py", "edit: a stranded def", doc, cache, parser, false);
  assert_false(cache->last_full);
  assert_int_equal(cache->last_walked, 1);  /* third */
  assert_int_equal(cache->last_reused, 3);  /* first, second, after */
  apply_text(doc, parser, "    return os.sep\n", "    return '/'\n");
  compare("paths.py", "edit: the last read of os outside them", doc, cache, parser, false);
  assert_int_equal(cache->last_walked, 1);
  assert_int_equal(cache->last_reused, 3);
  /* dedented, `second` is a function: its stranded result is not its own */
  apply_text(doc, parser, "    def second(path):\n        unused = 1\n        return os.path.basename(path)\n",
             "def second(path):\n    unused = 1\n    return os.path.basename(path)\n");
  compare("paths.py", "edit: a stranded def dedented", doc, cache, parser, false);
  pr_review_cache_free(cache);
  pr_document_delete(doc);
  ts_parser_delete(parser);
}

/* SEC003's file key (the attributes the file assigns) follows what the rule
 * can read: an assignment in one method changes the verdict on an unchanged
 * other one when `eval` can be the builtin (here through an alias of the
 * builtins module), and a keystroke costs no whole-text scan when it cannot
 * (`re.compile`, `'builtins.open'` in a string). */
/* A class defined in a test whose method calls a method of a base defined at
 * module level: the test is kept whole (TST003 names the base's method
 * instead of keying another function), and the verdict follows the base. */
static void nested_classes_reach_module_bases(void **state) {
  (void)state;
  TSParser *parser = pr_parser_new();
  const char *text =
      "import unittest\n"
      "\n"
      "\n"
      "class Base:\n"
      "    def confirm_ok(self):\n"
      "        assert self.ok\n"
      "\n"
      "\n"
      "class NestedTests(unittest.TestCase):\n"
      "    def test_nested(self):\n"
      "        class Local(Base):\n"
      "            ok = True\n"
      "\n"
      "            def run(self):\n"
      "                self.confirm_ok()\n"
      "\n"
      "        Local().run()\n"
      "\n"
      "    def test_other(self):\n"
      "        self.assertTrue(Base())\n";
  pr_document *doc = pr_document_new(parser, text, (uint32_t)strlen(text), 1);
  pr_review_cache *cache = pr_review_cache_new();
  compare("test_nested.py", "first review", doc, cache, parser, true);
  apply_text(doc, parser, "self.assertTrue(Base())", "self.assertTrue(Base() is not None)");
  compare("test_nested.py", "edit: another test", doc, cache, parser, true);
  assert_false(cache->last_full);
  assert_int_equal(cache->last_walked, 1);  /* test_other */
  assert_int_equal(cache->last_reused, 2);  /* confirm_ok, test_nested */
  /* the base no longer asserts: test_nested, kept, asserts nothing now */
  apply_text(doc, parser, "        assert self.ok\n", "        return self.ok\n");
  compare("test_nested.py", "edit: the base's method", doc, cache, parser, true);
  assert_int_equal(cache->last_walked, 1);  /* confirm_ok */
  assert_int_equal(cache->last_reused, 2);
  pr_review review;
  pr_review_options o = {.path = "test_nested.py", .test_file = true, .lines = pr_document_lines(doc)};
  assert_int_equal(pr_review_file(pr_document_text(doc), pr_document_length(doc), pr_document_tree(doc), &o, &review),
                   PR_REVIEW_OK);
  uint32_t tst003 = 0;
  for (uint32_t i = 0; i < review.count; i++) tst003 += !strcmp(review.findings[i]->rule->code, "TST003");
  assert_int_equal(tst003, 1);
  pr_review_free(&review);
  pr_review_cache_free(cache);
  pr_document_delete(doc);
  ts_parser_delete(parser);
}

static void file_keys_follow_what_rules_read(void **state) {
  (void)state;
  TSParser *parser = pr_parser_new();
  const char *text =
      "import builtins as b\n"
      "import re\n"
      "\n"
      "class Runner:\n"
      "    src = '1 + 1'\n"
      "\n"
      "    def run(self):\n"
      "        return b.eval(self.src)\n"
      "\n"
      "    def other(self):\n"
      "        return re.compile('x')\n";
  pr_document *doc = pr_document_new(parser, text, (uint32_t)strlen(text), 1);
  pr_review_cache *cache = pr_review_cache_new();
  compare("keys.py", "first review", doc, cache, parser, false);
  /* the key is built from each function's part: an edit that assigns nothing keeps the rest */
  apply_text(doc, parser, "re.compile('x')", "re.compile('y')");
  compare("keys.py", "edit: nothing assigned", doc, cache, parser, false);
  assert_false(cache->last_full);
  apply_text(doc, parser, "re.compile('y')", "re.compile('x')");
  compare("keys.py", "edit: undone", doc, cache, parser, false);
  apply_text(doc, parser, "return re.compile('x')", "self.src = input()");
  compare("keys.py", "edit: an assignment of the attribute elsewhere", doc, cache, parser, false);
  assert_true(cache->last_full);
  apply_text(doc, parser, "self.src = input()", "return re.compile('x')");
  compare("keys.py", "edit: the assignment removed", doc, cache, parser, false);
  /* the results computed before the assignment are still kept, and hold again */
  assert_false(cache->last_full);
  assert_int_equal(cache->last_walked, 0);
  /* no builtin eval, exec or compile can be called: the key stays put */
  apply_text(doc, parser, "import builtins as b", "patch = 'builtins.open'");
  compare("keys.py", "edit: no builtins module", doc, cache, parser, false);
  apply_text(doc, parser, "return re.compile('x')", "self.src = input()");
  compare("keys.py", "edit: an assignment, nothing reads it", doc, cache, parser, false);
  assert_false(cache->last_full);
  pr_review_cache_free(cache);
  pr_document_delete(doc);
  ts_parser_delete(parser);
}

/* The codes and severities of a review under `t` and `sev`, with the cache. */
static const char *review_with(pr_document *doc, pr_review_cache *cache, const pr_thresholds *t, const uint8_t *sev) {
  static char out[512];
  pr_selection sel;
  pr_selection_all(&sel);
  char err[64];
  assert_int_equal(pr_selection_apply(&sel, "CPX", NULL, err, sizeof err), 0);
  pr_review_options o = {.path = "settings.py", .selection = &sel, .thresholds = t, .severity = sev,
                         .lines = pr_document_lines(doc), .cache = cache};
  pr_review r;
  assert_int_equal(pr_review_file(pr_document_text(doc), pr_document_length(doc), pr_document_tree(doc), &o, &r),
                   PR_REVIEW_OK);
  size_t n = 0;
  out[0] = 0;
  for (uint32_t i = 0; i < r.count; i++)
    n += (size_t)snprintf(out + n, sizeof out - n, "%s%s/%d", i ? " " : "", r.findings[i]->rule->code,
                          (int)r.findings[i]->severity);
  pr_review_free(&r);
  return out;
}

/* Kept results hold what rules reported under one configuration: another
 * threshold or severity must not reuse them. */
static void settings_are_part_of_the_key(void **state) {
  (void)state;
  TSParser *parser = pr_parser_new();
  const char *text = "def f(a, b, c):\n    return a\n\n\ndef g(a):\n    return a\n";
  pr_document *doc = pr_document_new(parser, text, (uint32_t)strlen(text), 1);
  pr_review_cache *cache = pr_review_cache_new();
  pr_thresholds strict = PR_THRESHOLDS_DEFAULT;
  strict.max_parameters = 2;
  uint8_t sev[PR_MAX_RULES] = {0};
  sev[pr_rule_index(pr_rule_lookup("CPX003", 6))] = PR_SEV_ERROR;
  assert_string_equal(review_with(doc, cache, NULL, NULL), "");
  assert_string_equal(review_with(doc, cache, NULL, NULL), "");
  assert_false(cache->last_full);  /* reused under the same settings */
  assert_string_equal(review_with(doc, cache, &strict, NULL), "CPX003/3");
  assert_true(cache->last_full);
  assert_string_equal(review_with(doc, cache, &strict, sev), "CPX003/1");
  assert_true(cache->last_full);
  assert_string_equal(review_with(doc, cache, &strict, sev), "CPX003/1");
  assert_false(cache->last_full);
  assert_string_equal(review_with(doc, cache, NULL, NULL), "");
  pr_review_cache_free(cache);
  pr_document_delete(doc);
  ts_parser_delete(parser);
}

/* Text gates read only the text a review walks: a keystroke in a function
 * that names no SQL sink keeps the SQL finding of the unchanged function
 * whose results are reused, and an edit that writes a sink into the walked
 * function opens the gate there. */
static void gates_read_the_walked_text(void **state) {
  (void)state;
  TSParser *parser = pr_parser_new();
  const char *text =
      "def load(cur, name):\n"
      "    cur.execute(\"select * from t where n = '%s'\" % name)\n"
      "\n"
      "\n"
      "def count(items):\n"
      "    return len(items)\n";
  pr_document *doc = pr_document_new(parser, text, (uint32_t)strlen(text), 1);
  pr_review_cache *cache = pr_review_cache_new();
  compare("gates.py", "first review", doc, cache, parser, false);
  apply_text(doc, parser, "len(items)", "len(itemz)");
  compare("gates.py", "edit: the function without a sink", doc, cache, parser, false);
  assert_false(cache->last_full);
  assert_int_equal(cache->last_reused, 1);
  apply_text(doc, parser, "return len(itemz)", "items.execute('select %s' % items)");
  compare("gates.py", "edit: a sink written in the walked function", doc, cache, parser, false);
  assert_false(cache->last_full);
  pr_review_cache_free(cache);
  pr_document_delete(doc);
  ts_parser_delete(parser);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(settings_are_part_of_the_key),
    cmocka_unit_test(reuse_is_local),
    cmocka_unit_test(a_closed_paren_reuses_what_came_before),
    cmocka_unit_test(stranded_class_statements_bind_nothing),
    cmocka_unit_test(stranded_defs_are_kept),
    cmocka_unit_test(nested_classes_reach_module_bases),
    cmocka_unit_test(file_keys_follow_what_rules_read),
    cmocka_unit_test(gates_read_the_walked_text),
    cmocka_unit_test(fixtures_give_the_full_answer),
    cmocka_unit_test(large_documents_keep_their_arrays),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
