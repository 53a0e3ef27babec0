/* Unit tests: differential editing (issue 6). Seeded random edit sequences
 * applied through the LSP path (pr_document_apply, ranges as line/column in a
 * pr_unit) must give exactly what pr_document_new of the final text gives:
 * the same bytes, line index, syntax tree (S-expression, and every node's
 * bytes and points), and findings.
 *
 * The test keeps its own model of the text as bytes and turns the byte
 * offsets it picks into positions with its own converter (lines end at "\n",
 * "\r\n" and a bare "\r"; columns are bytes, UTF-16 code units or code
 * points), independent of core/position.c and core/text.c. Offsets are only
 * chosen on character boundaries and never between the '\r' and '\n' of a
 * pair (LSP cannot address that spot), so the expected text is well defined.
 *
 * The document's tree is also compared, node by node, with a reference: tree-
 * sitter driven directly on the test's own view of the text (each bare '\r'
 * shown as '\n') with the edits the test derives. The two must always be
 * identical. That comparison is what allows one exception to "identical to a
 * fresh parse": tree-sitter's incremental error recovery may settle on
 * another repair of a syntax error than a fresh parse does (seen with plain
 * LF text and a correct edit, e.g. "(\n\n\xF0\x9F\x98\x80" typed into a statement
 * before a line starting with '.'), so when the text has a syntax error and
 * the reference diverged exactly as the document did, the divergence is
 * counted, both are rebuilt from the text, and the run goes on.
 *
 * A mismatch prints the seed, the edit number, the last batch of changes and
 * the text before and after it, escaped: rerunning the same seed reproduces
 * it. PR_DIFF_EDITS and PR_DIFF_SEED (at the end of the file) run longer or
 * other sequences; PR_DIFF_VERBOSE=1 prints each tree-sitter divergence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "incremental.h"
#include "document.h"
#include "engine.h"
#include "syntax.h"

/* ---- a seeded PRNG (splitmix64) ---- */

typedef struct rng {
  uint64_t s;
} rng;

static uint64_t rng_next(rng *r) {
  uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static uint32_t rng_below(rng *r, uint32_t n) { return n ? (uint32_t)(rng_next(r) % n) : 0; }
static bool rng_chance(rng *r, uint32_t percent) { return rng_below(r, 100) < percent; }

/* ---- growable byte buffers, always NUL-terminated ---- */

typedef struct buf {
  char *b;
  uint32_t len, cap;
} buf;

static void buf_reserve(buf *s, uint32_t need) {
  if (need + 1 <= s->cap) return;
  uint32_t cap = s->cap ? s->cap : 64;
  while (cap < need + 1) cap *= 2;
  s->b = realloc(s->b, cap);
  assert_non_null(s->b);
  s->cap = cap;
}

static void buf_splice(buf *s, uint32_t start, uint32_t end, const char *t, uint32_t n) {
  assert_true(start <= end && end <= s->len);
  buf_reserve(s, s->len - (end - start) + n);
  memmove(s->b + start + n, s->b + end, s->len - end);
  if (n) memcpy(s->b + start, t, n);
  s->len = s->len - (end - start) + n;
  s->b[s->len] = 0;
}

static void buf_append(buf *s, const char *t, uint32_t n) { buf_splice(s, s->len, s->len, t, n); }
static void buf_puts(buf *s, const char *t) { buf_append(s, t, (uint32_t)strlen(t)); }
static void buf_clear(buf *s) { buf_reserve(s, 0); s->len = 0; s->b[0] = 0; }

static void buf_printf(buf *s, const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  buf_append(s, tmp, n < (int)sizeof tmp ? (uint32_t)n : (uint32_t)sizeof tmp - 1);
}

/* C-style escape of t[0..n) (non-ASCII bytes as \xHH, so the output can be pasted back). */
static void buf_escape(buf *s, const char *t, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)t[i];
    if (c == '\n') buf_puts(s, "\\n");
    else if (c == '\r') buf_puts(s, "\\r");
    else if (c == '\t') buf_puts(s, "\\t");
    else if (c == '"' || c == '\\') buf_printf(s, "\\%c", c);
    else if (c < 0x20 || c >= 0x7F)
      buf_printf(s, i + 1 < n && strchr("0123456789abcdefABCDEF", t[i + 1]) && t[i + 1] ? "\\x%02X\"\"" : "\\x%02X", c);
    else buf_append(s, (const char *)&c, 1);
  }
}

static void buf_free(buf *s) {
  free(s->b);
  s->b = NULL;
  s->len = s->cap = 0;
}

/* ---- the test's own line model and column units ---- */

typedef struct mline {
  uint32_t start, end;  /* end: before the line's "\n", "\r\n" or "\r" */
} mline;

typedef struct mlines {
  mline *v;
  uint32_t n, cap;
} mlines;

static void mlines_push(mlines *L, uint32_t start, uint32_t end) {
  if (L->n == L->cap) {
    L->cap = L->cap ? L->cap * 2 : 256;
    L->v = realloc(L->v, L->cap * sizeof *L->v);
    assert_non_null(L->v);
  }
  L->v[L->n++] = (mline){start, end};
}

static void mlines_build(mlines *L, const char *t, uint32_t len) {
  L->n = 0;
  uint32_t start = 0;
  for (uint32_t i = 0; i < len; i++) {
    if (t[i] != '\n' && t[i] != '\r') continue;
    uint32_t end = i;
    if (t[i] == '\r' && i + 1 < len && t[i + 1] == '\n') i++;
    mlines_push(L, start, end);
    start = i + 1;
  }
  mlines_push(L, start, len);
}

/* Bytes of the UTF-8 character led by c (the model only ever holds valid UTF-8). */
static uint32_t char_bytes(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

static uint32_t count_units(const char *s, uint32_t n, pr_unit unit) {
  if (unit == PR_UNIT_UTF8) return n;
  uint32_t i = 0, u = 0;
  while (i < n) {
    uint32_t k = char_bytes((unsigned char)s[i]);
    u += unit == PR_UNIT_UTF16 && k == 4 ? 2 : 1;
    i += k;
  }
  assert_int_equal(i, n);  /* never a cut character */
  return u;
}

static const char *unit_name(pr_unit unit) {
  return unit == PR_UNIT_UTF8 ? "utf-8" : unit == PR_UNIT_UTF16 ? "utf-16" : "utf-32";
}

/* ---- the fuzzer's state ---- */

#define MAX_BATCH 8

typedef struct fuzz {
  uint64_t seed;
  rng r;
  int eol;                  /* 0 LF, 1 CRLF, 2 CR, 3 mixed */
  buf text;                 /* the expected text */
  mlines lines;             /* its lines */
  pr_document *doc;
  pr_review_cache *cache;   /* the edited document's kept results: its reviews are incremental */
  TSParser *edit_parser, *fresh_parser;
  /* the reference: tree-sitter driven directly, with the view and the edits the test derives */
  TSParser *ref_parser;
  TSTree *ref_tree;
  buf view;
  bool ref_bom;
  TSInputEdit ref_edits[MAX_BATCH];
  uint32_t nref_edits;
  int edit_no;
  int64_t version;
  pr_unit unit;             /* of the batch being built */
  pr_change changes[MAX_BATCH];
  buf change_text[MAX_BATCH];
  uint32_t nchanges;
  buf desc;                 /* the last batch, for failure messages */
  buf before;               /* the text before it */
  /* statistics, so the test cannot pass vacuously */
  uint32_t checks, reviews, max_findings, bad_ranges, batches, cr_edits, clamped, end_positions, divergences;
  uint64_t findings_total;
  const char *codes[32];
  uint32_t ncodes;
} fuzz;

static void fuzz_fail(fuzz *f, const char *fmt, ...) {
  buf m = {0};
  va_list ap;
  va_start(ap, fmt);
  char tmp[1024];
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  buf_printf(&m, "differential editing: seed 0x%llX, edit %d: %s\n", (unsigned long long)f->seed,
             f->edit_no, tmp);
  buf_printf(&m, "last batch (%s):\n", unit_name(f->unit));
  buf_append(&m, f->desc.b, f->desc.len);
  buf_printf(&m, "text before the batch (%u bytes): \"", f->before.len);
  buf_escape(&m, f->before.b, f->before.len);
  buf_puts(&m, "\"\n");
  buf_printf(&m, "expected text (%u bytes): \"", f->text.len);
  buf_escape(&m, f->text.b, f->text.len);
  buf_puts(&m, "\"\n");
  fprintf(stderr, "%s", m.b);
  buf_free(&m);
  fail_msg("seed 0x%llX, edit %d: %s", (unsigned long long)f->seed, f->edit_no, tmp);
}

static bool is_boundary(const buf *t, uint32_t o) {
  if (o == 0 || o == t->len) return true;
  if (o > t->len) return false;
  if (((unsigned char)t->b[o] & 0xC0) == 0x80) return false;
  return !(t->b[o - 1] == '\r' && t->b[o] == '\n');
}

static uint32_t boundary_before(const buf *t, uint32_t o) {
  while (!is_boundary(t, o)) o--;
  return o;
}

static uint32_t boundary_after(const buf *t, uint32_t o) {
  while (!is_boundary(t, o)) o++;
  return o;
}

static uint32_t model_line_of(const fuzz *f, uint32_t o) {
  uint32_t lo = 0, hi = f->lines.n;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (f->lines.v[mid].start <= o) lo = mid;
    else hi = mid;
  }
  return lo;
}

static pr_position model_position(const fuzz *f, uint32_t o, pr_unit unit) {
  uint32_t k = model_line_of(f, o);
  assert_true(o <= f->lines.v[k].end);  /* not inside a line break */
  return (pr_position){k, count_units(f->text.b + f->lines.v[k].start, o - f->lines.v[k].start, unit)};
}

/* tree-sitter's point for offset o: rows end at '\n' and at a bare '\r' (shown
 * to it as '\n'); a '\r' before '\n' is one more column. */
static TSPoint model_point(const fuzz *f, uint32_t o) {
  uint32_t k = model_line_of(f, o);
  return (TSPoint){k, o - f->lines.v[k].start};
}

/* The position a client would send for offset o: usually exact, sometimes the
 * (line count, 0) form of the end, or a column past the end of the line (clamped). */
static pr_position client_position(fuzz *f, uint32_t o) {
  if (o == f->text.len && rng_chance(&f->r, 30)) {
    f->end_positions++;
    return (pr_position){f->lines.n, 0};
  }
  pr_position p = model_position(f, o, f->unit);
  if (o == f->lines.v[p.line].end && rng_chance(&f->r, 15)) {
    f->clamped++;
    p.column += 1 + rng_below(&f->r, 40);
  }
  return p;
}

/* Appends one change to the batch: text[start..end) := s[0..n), in the model too. */
static void emit(fuzz *f, uint32_t start, uint32_t end, const char *s, uint32_t n) {
  assert_true(f->nchanges < MAX_BATCH);
  assert_true(is_boundary(&f->text, start) && is_boundary(&f->text, end) && start <= end);
  pr_change *c = &f->changes[f->nchanges];
  buf *keep = &f->change_text[f->nchanges];
  buf_clear(keep);
  buf_append(keep, s, n);
  c->has_range = true;
  c->start = client_position(f, start);
  c->end = client_position(f, end);
  c->text = keep->b;
  c->len = n;
  buf_printf(&f->desc, "  [%u] (%u,%u)-(%u,%u) = bytes %u..%u of %u := \"", f->nchanges, c->start.line,
             c->start.column, c->end.line, c->end.column, start, end, f->text.len);
  buf_escape(&f->desc, s, n);
  buf_puts(&f->desc, "\"\n");
  /* The reference edit: the replaced bytes and the one byte outside them whose
     view may change, a '\r' just before them (shown as '\n' while bare, as
     itself before a '\n'). */
  uint32_t from = start > 0 && f->text.b[start - 1] == '\r' ? start - 1 : start;
  TSInputEdit *e = &f->ref_edits[f->nref_edits++];
  *e = (TSInputEdit){.start_byte = from, .old_end_byte = end, .new_end_byte = start + n,
                     .start_point = model_point(f, from), .old_end_point = model_point(f, end)};
  buf_splice(&f->text, start, end, s, n);
  mlines_build(&f->lines, f->text.b, f->text.len);
  e->new_end_point = model_point(f, start + n);
  f->nchanges++;
}

/* ---- what gets typed ---- */

static const char *const tokens[] = {
  "a", "x", "_", "name", "i", " ", "    ", "(", ")", ":", "=", "+", ",", ".", "\"", "'", "#",
  "\xC3\xA9",                  /* é: 2 bytes */
  "\xE2\x82\xAC",              /* €: 3 bytes */
  "\xE4\xB8\xAD",              /* 中: 3 bytes */
  "\xF0\x9F\x98\x80",          /* 😀: 4 bytes, 2 UTF-16 units */
  "\xC3\xA9\xE2\x82\xAC\xE4\xB8\xAD\xF0\x9F\x98\x80",
  "\xF0\x9F\x98\x80\xF0\x9F\x98\x80",
  "\t", "0", "1", "[", "]", "def ", "class ", "return ", "eval(", "\\", "if ", "pass", "try:",
  "except Exception:", "for i in range(3):", "unused = ", "os.system(", "\"\"\"", "  # note", "# \xC3\xA9",
  "  # noqa", "  # nosec",
};
#define NTOKENS (sizeof tokens / sizeof *tokens)

static const char *const breaks[] = {"\n", "\r\n", "\r"};

static const char *eol(fuzz *f) { return breaks[f->eol < 3 ? f->eol : (int)rng_below(&f->r, 3)]; }

/* Python snippets that trigger the rules (written with "\n"; eol() replaces it). */
static const char *const snippets[] = {
  "def run_expr(x, y):\n    return eval(x + y)\n",
  "def run_quiet(x, y):\n    return eval(x + y)  # nosec\n",
  "def list_dir(d):\n    os.system(\"ls \" + d)\n",
  "def find_user(conn, user_name):\n    conn.execute(\"SELECT * FROM users WHERE name = '%s'\" % user_name)\n",
  "def load_blob(blob):\n    return pickle.loads(blob)\n",
  "def quiet_call():\n    try:\n        list_dir(\"\xC3\xA9\")\n    except Exception:\n        pass\n",
  "def f(p):\n    unused = p\n    return 1\n",
  "def loop_three():\n    for i in range(3):\n        pass\n",
  "def count_rows(raw_rows):\n    rowCount = len(raw_rows)\n    return rowCount\n",
  "def public_thing(a):\n    b = a + 1\n    c = b + 2\n    d = c + 3\n    e = d + 4\n    return e\n",
  "class CacheTestCase(unittest.TestCase):\n    def test_cache(self):\n        self.assertTrue(run_expr(1, 2) == 3)\n\n"
  "    def test_nothing(self):\n        run_expr(1, 2)\n",
  "def shell_echo(shell_cmd):\n    subprocess.run(\"echo \" + shell_cmd, shell=True)\n",
  "label_text = \"\xE2\x82\xAC\xE4\xB8\xAD\xF0\x9F\x98\x80\"  # \xC3\xA9\n",
  "def load_config(config_path):\n    raw_text = open(config_path).read()\n    return raw_text\n",
  "\n",
};
#define NSNIPPETS (sizeof snippets / sizeof *snippets)

static void append_converted(fuzz *f, buf *out, const char *s) {
  for (; *s; s++) {
    if (*s == '\n') buf_puts(out, eol(f));
    else buf_append(out, s, 1);
  }
}

/* The header, every snippet and a 51-statement function (CPX001). */
static void start_text(fuzz *f, buf *out, bool bom) {
  buf_clear(out);
  if (bom) buf_puts(out, "\xEF\xBB\xBF");
  append_converted(f, out, "import os\nimport pickle\nimport subprocess\nimport unittest\n\n\n");
  for (uint32_t i = 0; i < NSNIPPETS; i++) {
    append_converted(f, out, snippets[i]);
    append_converted(f, out, "\n\n");
  }
  append_converted(f, out, "def reset_counters(stats):\n");
  for (int i = 0; i < 25; i++) {
    char line[64];
    snprintf(line, sizeof line, "    stats.c%d = 0; stats.d%d = %d\n", i, i, i);
    append_converted(f, out, line);
  }
  append_converted(f, out, "    return stats\n");
}

static void random_tokens(fuzz *f, buf *out, uint32_t max_tokens, uint32_t newline_percent) {
  buf_clear(out);
  uint32_t n = 1 + rng_below(&f->r, max_tokens);
  for (uint32_t i = 0; i < n; i++) {
    if (rng_chance(&f->r, newline_percent)) buf_puts(out, breaks[rng_below(&f->r, 3)]);
    else buf_puts(out, tokens[rng_below(&f->r, NTOKENS)]);
  }
}

static uint32_t random_offset(fuzz *f) { return boundary_before(&f->text, rng_below(&f->r, f->text.len + 1)); }

static uint32_t offset_in_line(fuzz *f, uint32_t k) {
  mline l = f->lines.v[k];
  return boundary_before(&f->text, l.start + rng_below(&f->r, l.end - l.start + 1));
}

/* Finds, from a random place on (wrapping), the first i with pred(text, i). */
static bool find_from_random(fuzz *f, bool (*pred)(const buf *, uint32_t), uint32_t *at) {
  uint32_t n = f->text.len;
  if (!n) return false;
  uint32_t s = rng_below(&f->r, n);
  for (uint32_t k = 0; k < n; k++) {
    uint32_t i = (s + k) % n;
    if (pred(&f->text, i)) { *at = i; return true; }
  }
  return false;
}

static bool is_bare_cr(const buf *t, uint32_t i) { return t->b[i] == '\r' && (i + 1 == t->len || t->b[i + 1] != '\n'); }
static bool is_bare_cr_after_comment(const buf *t, uint32_t i) {
  if (!is_bare_cr(t, i)) return false;
  while (i > 0 && t->b[i - 1] != '\n' && t->b[i - 1] != '\r')
    if (t->b[--i] == '#') return true;
  return false;
}
static bool is_crlf(const buf *t, uint32_t i) { return t->b[i] == '\r' && i + 1 < t->len && t->b[i + 1] == '\n'; }
static bool is_lf_alone(const buf *t, uint32_t i) { return t->b[i] == '\n' && (i == 0 || t->b[i - 1] != '\r'); }

/* Edits aimed at the '\r' handling: join a '\r' with a '\n', split "\r\n". */
static void gen_cr(fuzz *f) {
  buf tmp = {0};
  uint32_t i;
  f->cr_edits++;
  switch (rng_below(&f->r, 8)) {
  case 0:  /* "\n" (perhaps more) right after a bare '\r': they become a pair;
              often one that ends a comment, whose token must then take the '\r' in */
    if (!(rng_chance(&f->r, 60) && find_from_random(f, is_bare_cr_after_comment, &i)) &&
        !find_from_random(f, is_bare_cr, &i))
      break;
    buf_clear(&tmp);
    buf_puts(&tmp, "\n");
    if (rng_chance(&f->r, 40)) buf_puts(&tmp, tokens[rng_below(&f->r, NTOKENS)]);
    emit(f, i + 1, i + 1, tmp.b, tmp.len);
    buf_free(&tmp);
    return;
  case 1:  /* delete the '\n' of "\r\n" (LSP cannot address between them: "\r\n" := "\r") */
    if (!find_from_random(f, is_crlf, &i)) break;
    emit(f, i, i + 2, "\r", 1);
    return;
  case 2:  /* split "\r\n" with text in between */
    if (!find_from_random(f, is_crlf, &i)) break;
    buf_clear(&tmp);
    buf_puts(&tmp, "\r");
    buf_puts(&tmp, tokens[rng_below(&f->r, NTOKENS)]);
    buf_puts(&tmp, "\n");
    emit(f, i, i + 2, tmp.b, tmp.len);
    buf_free(&tmp);
    return;
  case 3:  /* a '\r' (perhaps after text) just before a lone '\n': they become a pair */
    if (!find_from_random(f, is_lf_alone, &i)) break;
    buf_clear(&tmp);
    if (rng_chance(&f->r, 40)) buf_puts(&tmp, tokens[rng_below(&f->r, NTOKENS)]);
    buf_puts(&tmp, "\r");
    emit(f, i, i, tmp.b, tmp.len);
    buf_free(&tmp);
    return;
  case 4: {  /* delete what stands between a bare '\r' and the next '\n' */
    if (!find_from_random(f, is_bare_cr, &i)) break;
    uint32_t j = i + 1;
    while (j < f->text.len && j - i <= 12 && f->text.b[j] != '\n') j++;
    if (j >= f->text.len || f->text.b[j] != '\n' || !is_boundary(&f->text, j)) break;
    emit(f, i + 1, j, "", 0);
    return;
  }
  case 5:  /* delete the '\r' of "\r\n" ("\r\n" := "\n"), or a bare '\r' */
    if (rng_chance(&f->r, 50) && find_from_random(f, is_crlf, &i)) {
      emit(f, i, i + 2, "\n", 1);
      return;
    }
    if (!find_from_random(f, is_bare_cr, &i)) break;
    emit(f, i, i + 1, "", 0);
    return;
  case 7:  /* a comment before a bare '\r': the comment token ends at it, and
              only while the '\r' is a line end (case 0 then inserts a '\n');
              sometimes a comment line at the very start (after a BOM), where
              no token before it has looked ahead past the '\r' */
    if (rng_chance(&f->r, 30)) {
      uint32_t o = f->text.len >= 3 && memcmp(f->text.b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
      emit(f, o, o, "# c\r", 4);
      return;
    }
    if (!find_from_random(f, is_bare_cr, &i)) break;
    emit(f, i, i, "  # c", 5);
    return;
  case 6: {  /* a bare '\r' somewhere, so the other cases find one */
    uint32_t o = random_offset(f);
    emit(f, o, o, "\r", 1);
    return;
  }
  }
  /* nothing to aim at: a lone line break anywhere */
  uint32_t o = random_offset(f);
  const char *brk = breaks[rng_below(&f->r, 3)];
  emit(f, o, o, brk, (uint32_t)strlen(brk));
}

/* Keeps findings coming: removes the lines of the first syntax error (an ERROR
 * or MISSING node, found in the document's own tree), perhaps putting a snippet
 * in their place. Random typing would otherwise bury every finding in ERROR
 * nodes, where the engine drops them. False when the tree has no error. */
static bool gen_heal(fuzz *f) {
  TSNode n = ts_tree_root_node(pr_document_tree(f->doc));
  if (!ts_node_has_error(n)) return false;
  while (!ts_node_is_error(n) && !ts_node_is_missing(n)) {
    uint32_t count = ts_node_child_count(n), i = 0;
    for (; i < count; i++) {
      TSNode c = ts_node_child(n, i);
      if (ts_node_has_error(c)) break;
    }
    if (i == count) break;
    n = ts_node_child(n, i);
  }
  /* the rows are the test's: the document's tree is only used to aim */
  uint32_t a = model_line_of(f, ts_node_start_byte(n)), b = model_line_of(f, ts_node_end_byte(n));
  if (b - a > 12) b = a + 12;
  uint32_t s = f->lines.v[a].start, e = b + 1 < f->lines.n ? f->lines.v[b + 1].start : f->text.len;
  buf tmp = {0};
  buf_clear(&tmp);
  if (rng_chance(&f->r, 50)) append_converted(f, &tmp, snippets[rng_below(&f->r, NSNIPPETS)]);
  emit(f, s, e, tmp.b, tmp.len);
  buf_free(&tmp);
  return true;
}

enum { K_INSERT, K_DELETE, K_REPLACE_LINE, K_MULTILINE, K_LINE_INSERT, K_LINE_REMOVE, K_CR, K_COUNT };

static int pick_kind(fuzz *f) {
  static const uint32_t normal[K_COUNT] = {18, 12, 12, 10, 14, 8, 26};
  static const uint32_t big[K_COUNT] = {8, 20, 10, 10, 2, 30, 20};     /* the text grew large */
  static const uint32_t small[K_COUNT] = {15, 5, 10, 5, 45, 2, 18};    /* the text shrank */
  const uint32_t *w = f->text.len > 6000 ? big : f->text.len < 600 ? small : normal;
  uint32_t total = 0;
  for (int k = 0; k < K_COUNT; k++) total += w[k];
  uint32_t x = rng_below(&f->r, total);
  for (int k = 0; k < K_COUNT; k++) {
    if (x < w[k]) return k;
    x -= w[k];
  }
  return K_INSERT;
}

static void gen_one(fuzz *f) {
  if (f->nchanges == 0 && rng_chance(&f->r, 40) && gen_heal(f)) return;
  buf tmp = {0};
  uint32_t n = f->lines.n;
  switch (pick_kind(f)) {
  case K_INSERT: {
    uint32_t o = random_offset(f);
    random_tokens(f, &tmp, 4, 8);
    emit(f, o, o, tmp.b, tmp.len);
    break;
  }
  case K_DELETE: {
    uint32_t s = random_offset(f);
    uint32_t e = s + 1 + rng_below(&f->r, 12);
    e = boundary_after(&f->text, e < f->text.len ? e : f->text.len);
    emit(f, s, e, "", 0);
    break;
  }
  case K_REPLACE_LINE: {
    uint32_t k = rng_below(&f->r, n);
    uint32_t a = offset_in_line(f, k), b = offset_in_line(f, k);
    random_tokens(f, &tmp, 3, 0);
    emit(f, a < b ? a : b, a < b ? b : a, tmp.b, tmp.len);
    break;
  }
  case K_MULTILINE: {
    if (n < 2) goto insert_snippet;
    uint32_t a = rng_below(&f->r, n - 1);
    uint32_t b = a + 1 + rng_below(&f->r, 4);
    if (b >= n) b = n - 1;
    uint32_t s = offset_in_line(f, a), e = offset_in_line(f, b);
    if (rng_chance(&f->r, 50)) {
      random_tokens(f, &tmp, 8, 30);
    } else {
      buf_clear(&tmp);
      append_converted(f, &tmp, snippets[rng_below(&f->r, NSNIPPETS)]);
      /* keep part of it only */
      uint32_t cut = boundary_before(&tmp, rng_below(&f->r, tmp.len + 1));
      tmp.len = cut;
      tmp.b[cut] = 0;
    }
    emit(f, s, e, tmp.b, tmp.len);
    break;
  }
  case K_LINE_INSERT:
  insert_snippet: {
    uint32_t k = rng_below(&f->r, n);
    buf_clear(&tmp);
    append_converted(f, &tmp, snippets[rng_below(&f->r, NSNIPPETS)]);
    emit(f, f->lines.v[k].start, f->lines.v[k].start, tmp.b, tmp.len);
    break;
  }
  case K_LINE_REMOVE: {
    uint32_t k = rng_below(&f->r, n);
    uint32_t m = k + 1 + rng_below(&f->r, 4);
    emit(f, f->lines.v[k].start, m < n ? f->lines.v[m].start : f->text.len, "", 0);
    break;
  }
  case K_CR:
    gen_cr(f);
    break;
  }
  buf_free(&tmp);
}

/* ---- comparison with a fresh document ---- */

static void compare_text(fuzz *f) {
  const char *t = pr_document_text(f->doc);
  uint32_t len = pr_document_length(f->doc);
  if (len == f->text.len && memcmp(t, f->text.b, len) == 0 && t[len] == 0) return;
  uint32_t i = 0;
  while (i < len && i < f->text.len && t[i] == f->text.b[i]) i++;
  buf m = {0};
  buf_printf(&m, "text differs: document has %u bytes, expected %u; first difference at byte %u; document: \"",
             len, f->text.len, i);
  buf_escape(&m, t, len);
  buf_puts(&m, "\"\n");
  fprintf(stderr, "%s", m.b);
  buf_free(&m);
  fuzz_fail(f, "text differs at byte %u", i);
}

static void compare_lines(fuzz *f, const pr_line_index *a, const pr_line_index *b) {
  if (a->count != b->count || a->bare_cr != b->bare_cr)
    fuzz_fail(f, "line index: %u rows (%u after a bare CR), a fresh one has %u (%u)", a->count, a->bare_cr,
              b->count, b->bare_cr);
  for (uint32_t i = 0; i < a->count; i++)
    if (a->starts[i] != b->starts[i])
      fuzz_fail(f, "line index: row %u starts at %u, in a fresh one at %u", i, a->starts[i], b->starts[i]);
  if (b->count != f->lines.n) fuzz_fail(f, "line index: %u rows, the test counts %u", b->count, f->lines.n);
  for (uint32_t i = 0; i < b->count; i++)
    if (b->starts[i] != f->lines.v[i].start)
      fuzz_fail(f, "line index: row %u starts at %u, the test says %u", i, b->starts[i], f->lines.v[i].start);
}

static bool same_point(TSPoint a, TSPoint b) { return a.row == b.row && a.column == b.column; }

static void describe_node(buf *m, const char *label, TSNode n) {
  buf_printf(m, "%s %s bytes %u..%u (%u:%u)-(%u:%u)", label, ts_node_type(n), ts_node_start_byte(n),
             ts_node_end_byte(n), ts_node_start_point(n).row, ts_node_start_point(n).column,
             ts_node_end_point(n).row, ts_node_end_point(n).column);
}

/* Whether two trees are the same: the S-expression (when `sexp`), then every
 * node, named or not (ts_node_string shows no positions): symbol, field, bytes,
 * points, flags. If not, `why` says where (labels name the trees). */
static bool same_tree(TSNode ra, TSNode rb, bool sexp, const char *la, const char *lb, buf *why) {
  char *sa = sexp ? ts_node_string(ra) : NULL, *sb = sexp ? ts_node_string(rb) : NULL;
  bool same = !sexp || strcmp(sa, sb) == 0;
  if (!same) {
    size_t i = 0;
    while (sa[i] && sa[i] == sb[i]) i++;
    size_t from = i > 160 ? i - 160 : 0;
    buf_printf(why, "S-expressions differ at character %zu:\n  %-7s ...%.320s\n  %-7s ...%.320s\n", i, la,
               sa + from, lb, sb + from);
  }
  free(sa);
  free(sb);
  if (!same) return false;
  TSTreeCursor a = ts_tree_cursor_new(ra), b = ts_tree_cursor_new(rb);
  const char *what = NULL;
  TSNode na = ra, nb = rb;
  uint32_t visited = 0;
  for (;;) {
    na = ts_tree_cursor_current_node(&a);
    nb = ts_tree_cursor_current_node(&b);
    visited++;
    if (ts_node_symbol(na) != ts_node_symbol(nb)) what = "symbol";
    else if (ts_tree_cursor_current_field_id(&a) != ts_tree_cursor_current_field_id(&b)) what = "field";
    else if (ts_node_start_byte(na) != ts_node_start_byte(nb) || ts_node_end_byte(na) != ts_node_end_byte(nb)) what = "bytes";
    else if (!same_point(ts_node_start_point(na), ts_node_start_point(nb)) ||
             !same_point(ts_node_end_point(na), ts_node_end_point(nb))) what = "points";
    else if (ts_node_is_missing(na) != ts_node_is_missing(nb) || ts_node_has_error(na) != ts_node_has_error(nb) ||
             ts_node_is_extra(na) != ts_node_is_extra(nb)) what = "flags";
    if (what) break;
    bool ca = ts_tree_cursor_goto_first_child(&a), cb = ts_tree_cursor_goto_first_child(&b);
    if (ca != cb) { what = "children"; break; }
    if (ca) continue;
    bool done = false;
    for (;;) {
      bool sa2 = ts_tree_cursor_goto_next_sibling(&a), sb2 = ts_tree_cursor_goto_next_sibling(&b);
      if (sa2 != sb2) { what = "siblings"; break; }
      if (sa2) break;
      bool pa = ts_tree_cursor_goto_parent(&a), pb = ts_tree_cursor_goto_parent(&b);
      if (pa != pb) { what = "parents"; break; }
      if (!pa) { done = true; break; }
    }
    if (what || done) break;
  }
  ts_tree_cursor_delete(&a);
  ts_tree_cursor_delete(&b);
  if (!what) return true;
  buf_printf(why, "node %u differs (%s): ", visited, what);
  describe_node(why, la, na);
  buf_puts(why, ", ");
  describe_node(why, lb, nb);
  buf_puts(why, "\n");
  return false;
}

/* The reference parse: the view of the text tree-sitter must be shown (each
 * bare '\r' as '\n'), a BOM kept out by an included range, the old tree reused
 * unless the BOM came or went. Built here without core/parse.c. */
static void ref_parse(fuzz *f, bool reuse) {
  buf_clear(&f->view);
  buf_append(&f->view, f->text.b, f->text.len);
  for (uint32_t i = 0; i < f->view.len; i++)
    if (f->view.b[i] == '\r' && (i + 1 == f->view.len || f->view.b[i + 1] != '\n')) f->view.b[i] = '\n';
  bool bom = f->text.len >= 3 && memcmp(f->text.b, "\xEF\xBB\xBF", 3) == 0;
  if (bom != f->ref_bom) reuse = false;
  f->ref_bom = bom;
  if (bom) {
    TSRange r = {{0, 3}, {UINT32_MAX, UINT32_MAX}, 3, UINT32_MAX};
    assert_true(ts_parser_set_included_ranges(f->ref_parser, &r, 1));
  }
  TSTree *t = ts_parser_parse_string(f->ref_parser, reuse ? f->ref_tree : NULL, f->view.b, f->view.len);
  assert_non_null(t);
  if (bom) ts_parser_set_included_ranges(f->ref_parser, NULL, 0);
  if (f->ref_tree) ts_tree_delete(f->ref_tree);
  f->ref_tree = t;
}

static void ref_apply(fuzz *f) {
  for (uint32_t i = 0; i < f->nref_edits; i++) ts_tree_edit(f->ref_tree, &f->ref_edits[i]);
  f->nref_edits = 0;
  ref_parse(f, true);
}

static void note_code(fuzz *f, const char *code) {
  for (uint32_t i = 0; i < f->ncodes; i++)
    if (strcmp(f->codes[i], code) == 0) return;
  if (f->ncodes < 32) f->codes[f->ncodes++] = code;
}

static void compare_reviews(fuzz *f, pr_document *fresh) {
  pr_review ra, rb;
  pr_review_options oa = {.path = "edited.py", .lines = pr_document_lines(f->doc), .cache = f->cache};
  pr_review_options ob = {.path = "edited.py", .lines = pr_document_lines(fresh)};
  assert_int_equal(pr_review_file(pr_document_text(f->doc), pr_document_length(f->doc), pr_document_tree(f->doc),
                                  &oa, &ra), PR_REVIEW_OK);
  assert_int_equal(pr_review_file(pr_document_text(fresh), pr_document_length(fresh), pr_document_tree(fresh), &ob,
                                  &rb), PR_REVIEW_OK);
  uint32_t n = ra.count < rb.count ? ra.count : rb.count;
  uint32_t i = 0;
  for (; i < n; i++) {
    const pr_finding *x = ra.findings[i], *y = rb.findings[i];
    if (strcmp(x->rule->code, y->rule->code) != 0 || x->start != y->start || x->end != y->end ||
        x->severity != y->severity || strcmp(x->message, y->message) != 0 || x->related_count != y->related_count ||
        x->stmt_start != y->stmt_start || x->stmt_end != y->stmt_end)
      break;
    bool related_same = true;
    for (uint32_t j = 0; j < x->related_count && related_same; j++)
      related_same = x->related[j].start == y->related[j].start && x->related[j].end == y->related[j].end &&
                     strcmp(x->related[j].message, y->related[j].message) == 0;
    if (!related_same) break;
  }
  if (i < n || ra.count != rb.count) {
    buf m = {0};
    buf_printf(&m, "finding %u of %u (edited) / %u (fresh) differs:\n", i, ra.count, rb.count);
    if (i < ra.count)
      buf_printf(&m, "  edited: %s %u..%u %.300s\n", ra.findings[i]->rule->code, ra.findings[i]->start,
                 ra.findings[i]->end, ra.findings[i]->message);
    if (i < rb.count)
      buf_printf(&m, "  fresh:  %s %u..%u %.300s\n", rb.findings[i]->rule->code, rb.findings[i]->start,
                 rb.findings[i]->end, rb.findings[i]->message);
    fprintf(stderr, "%s", m.b);
    buf_free(&m);
    pr_review_free(&ra);
    pr_review_free(&rb);
    fuzz_fail(f, "findings differ from a fresh document's (finding %u)", i);
  }
  f->reviews++;
  if (ra.count > f->max_findings) f->max_findings = ra.count;
  f->findings_total += ra.count;
  for (i = 0; i < ra.count; i++) note_code(f, ra.findings[i]->rule->code);
  pr_review_free(&ra);
  pr_review_free(&rb);
}

/* A few offsets: the document's conversion agrees with the test's, both ways. */
static void compare_positions(fuzz *f) {
  for (int k = 0; k < 3; k++) {
    uint32_t o = random_offset(f);
    for (pr_unit u = PR_UNIT_UTF8; u <= PR_UNIT_UTF32; u++) {
      pr_position want = model_position(f, o, u);
      pr_position got = pr_document_position(f->doc, o, u);
      uint32_t back = UINT32_MAX;
      if (got.line != want.line || got.column != want.column || !pr_document_offset(f->doc, want, u, &back) || back != o)
        fuzz_fail(f, "byte %u is (%u,%u) in %s, the document says (%u,%u) and maps it back to %u", o, want.line,
                  want.column, unit_name(u), got.line, got.column, back);
    }
  }
}

/* After every batch. The document's tree must equal the reference's exactly:
 * that is tree-sitter's own incremental parse with the edits and the view the
 * test derives itself, so any slip in the document's edits, points or '\r'
 * handling shows. It must equal a fresh parse too, with one exception that is
 * tree-sitter's and not pyreview's: after an edit near a syntax error,
 * tree-sitter's incremental error recovery may settle on another (equally
 * valid) repair than a fresh parse does, whatever the edit. That is accepted
 * only when the reference diverged in exactly the same way and the text has a
 * syntax error; both are then rebuilt from the text, so the comparison with
 * fresh parses goes on. Findings are compared whenever the trees agree. */
static void check(fuzz *f, bool review) {
  f->checks++;
  compare_text(f);
  assert_non_null(pr_document_tree(f->doc));
  pr_document *fresh = pr_document_new(f->fresh_parser, f->text.b, f->text.len, 0);
  assert_non_null(fresh);
  compare_lines(f, pr_document_lines(f->doc), pr_document_lines(fresh));
  TSNode rd = ts_tree_root_node(pr_document_tree(f->doc)), rf = ts_tree_root_node(pr_document_tree(fresh));
  buf why = {0};
  buf_clear(&why);
  if (!same_tree(rd, ts_tree_root_node(f->ref_tree), false, "edited", "ref", &why)) {
    fprintf(stderr, "%s", why.b);
    buf_free(&why);
    fuzz_fail(f, "the document's tree differs from tree-sitter's own incremental parse (reference)");
  }
  if (!same_tree(rd, rf, true, "edited", "fresh", &why)) {
    if (!ts_node_has_error(rf) && !ts_node_has_error(rd)) {
      fprintf(stderr, "%s", why.b);
      buf_free(&why);
      fuzz_fail(f, "the tree differs from a fresh parse, and the text has no syntax error");
    }
    f->divergences++;
    if (getenv("PR_DIFF_VERBOSE"))
      fprintf(stderr, "seed 0x%llX, edit %d: tree-sitter's incremental error recovery differs from a fresh parse:\n%s",
              (unsigned long long)f->seed, f->edit_no, why.b);
    pr_document_delete(f->doc);
    f->doc = pr_document_new(f->edit_parser, f->text.b, f->text.len, f->version);
    assert_non_null(f->doc);
    ref_parse(f, false);
    rd = ts_tree_root_node(pr_document_tree(f->doc));
    buf_clear(&why);
    if (!same_tree(rd, rf, true, "new", "fresh", &why)) {
      fprintf(stderr, "%s", why.b);
      buf_free(&why);
      fuzz_fail(f, "two fresh documents of the same text have different trees");
    }
  }
  buf_free(&why);
  if (review) compare_reviews(f, fresh);
  compare_positions(f);
  pr_document_delete(fresh);
}

/* ---- one batch: valid changes, or valid changes followed by an impossible one ---- */

static void apply_batch(fuzz *f) {
  uint32_t bad = 99;
  int64_t version = f->version + 1;
  pr_document_error err = pr_document_apply(f->doc, f->edit_parser, f->changes, f->nchanges, f->unit, version, &bad);
  if (err != PR_DOC_OK) fuzz_fail(f, "pr_document_apply returned %d (change %u)", (int)err, bad);
  if (pr_document_version(f->doc) != version) fuzz_fail(f, "version not updated");
  f->version = version;
  ref_apply(f);
}

static void bad_batch(fuzz *f) {
  buf saved = {0};
  buf_append(&saved, f->text.b, f->text.len);
  uint32_t valid = rng_below(&f->r, 3);
  for (uint32_t i = 0; i < valid; i++) gen_one(f);
  pr_change *c = &f->changes[f->nchanges];
  *c = (pr_change){.has_range = true, .text = "x", .len = 1};
  switch (f->lines.n > 1 ? rng_below(&f->r, 3) : rng_below(&f->r, 2)) {
  case 0:  /* a line past the end */
    c->start = (pr_position){f->lines.n + rng_below(&f->r, 3), 0};
    c->end = (pr_position){f->lines.n + 3, rng_below(&f->r, 4)};
    break;
  case 1:  /* the line after the last, with a column: also past the end */
    c->start = (pr_position){f->lines.n - 1, 0};
    c->end = (pr_position){f->lines.n, 1 + rng_below(&f->r, 4)};
    break;
  case 2: {  /* start after end (line k + 1 starts at least one byte after line k) */
    uint32_t k = rng_below(&f->r, f->lines.n - 1);
    c->start = (pr_position){k + 1, 0};
    c->end = (pr_position){k, 0};
    break;
  }
  }
  buf_printf(&f->desc, "  [%u] (%u,%u)-(%u,%u) impossible\n", f->nchanges, c->start.line, c->start.column,
             c->end.line, c->end.column);
  uint32_t bad_index = f->nchanges++;
  if (rng_chance(&f->r, 30)) {  /* a valid change after the bad one is never applied */
    pr_change *d = &f->changes[f->nchanges++];
    *d = (pr_change){.has_range = true, .start = {0, 0}, .end = {0, 0}, .text = "y", .len = 1};
  }
  uint32_t bad = 99;
  pr_document_error err = pr_document_apply(f->doc, f->edit_parser, f->changes, f->nchanges, f->unit, f->version + 1, &bad);
  /* the model goes back to the text before the batch; the reference is untouched */
  f->nref_edits = 0;
  buf_clear(&f->text);
  buf_append(&f->text, saved.b, saved.len);
  buf_free(&saved);
  mlines_build(&f->lines, f->text.b, f->text.len);
  if (err != PR_DOC_BAD_RANGE) fuzz_fail(f, "an impossible range gave %d, not PR_DOC_BAD_RANGE", (int)err);
  if (bad != bad_index) fuzz_fail(f, "the impossible change is %u, pr_document_apply named %u", bad_index, bad);
  if (pr_document_version(f->doc) != f->version) fuzz_fail(f, "a failed batch changed the version");
  f->bad_ranges++;
}

/* Findings are compared after every REVIEW_EVERY-th batch (and the last):
 * reviewing costs as much as the rest of a check. */
#define REVIEW_EVERY 2

static void run_seed(uint64_t seed, int eol, bool bom, int edits) {
  fuzz f = {.seed = seed, .r = {seed}, .eol = eol, .version = 1};
  f.edit_parser = pr_parser_new();
  f.fresh_parser = pr_parser_new();
  f.ref_parser = pr_parser_new();
  assert_non_null(f.edit_parser);
  assert_non_null(f.fresh_parser);
  assert_non_null(f.ref_parser);
  start_text(&f, &f.text, bom);
  mlines_build(&f.lines, f.text.b, f.text.len);
  f.doc = pr_document_new(f.edit_parser, f.text.b, f.text.len, f.version);
  f.cache = pr_review_cache_new();
  assert_non_null(f.cache);
  assert_non_null(f.doc);
  ref_parse(&f, false);
  buf_clear(&f.desc);
  buf_clear(&f.before);
  check(&f, true);
  uint32_t start_findings = f.max_findings;
  for (f.edit_no = 1; f.edit_no <= edits; f.edit_no++) {
    f.nchanges = 0;
    f.nref_edits = 0;
    buf_clear(&f.desc);
    buf_clear(&f.before);
    buf_append(&f.before, f.text.b, f.text.len);
    f.unit = (pr_unit)rng_below(&f.r, 3);
    bool review = f.edit_no % REVIEW_EVERY == 0 || f.edit_no == edits;
    if (rng_chance(&f.r, 3)) {
      bad_batch(&f);
      review = true;  /* the findings of the untouched document too */
    } else if (rng_chance(&f.r, 1)) {  /* the whole text, as clients without incremental sync send it */
      buf whole = {0};
      start_text(&f, &whole, rng_chance(&f.r, 20));
      buf_puts(&f.desc, "  whole text replaced\n");
      f.changes[0] = (pr_change){.has_range = false, .text = whole.b, .len = whole.len};
      f.nchanges = 1;
      f.ref_edits[0] = (TSInputEdit){.start_byte = 0, .old_end_byte = f.text.len, .new_end_byte = whole.len,
                                     .old_end_point = model_point(&f, f.text.len)};
      f.nref_edits = 1;
      buf_clear(&f.text);
      buf_append(&f.text, whole.b, whole.len);
      mlines_build(&f.lines, f.text.b, f.text.len);
      f.ref_edits[0].new_end_point = model_point(&f, f.text.len);
      apply_batch(&f);
      buf_free(&whole);
      review = true;
    } else {
      uint32_t n = rng_chance(&f.r, 20) ? 2 + rng_below(&f.r, 4) : 1;
      while (f.nchanges < n) gen_one(&f);
      if (n > 1) f.batches++;
      apply_batch(&f);
    }
    check(&f, review);
  }
  print_message("seed 0x%llX (%s%s): %d edits (%u batches of several changes, %u with an impossible range, "
                "%u changes aimed at a CR, %u clamped columns, %u end positions), %u checks, %u reviews, "
                "%u tree-sitter divergences; findings: %u at the start, at most %u, %.1f on average, %u rules; "
                "%u bytes, %u lines at the end\n",
                (unsigned long long)seed, eol == 0 ? "LF" : eol == 1 ? "CRLF" : eol == 2 ? "CR" : "mixed",
                bom ? ", BOM" : "", edits, f.batches, f.bad_ranges, f.cr_edits, f.clamped, f.end_positions,
                f.checks, f.reviews, f.divergences, start_findings, f.max_findings,
                (double)f.findings_total / f.reviews, f.ncodes, f.text.len, f.lines.n);
  /* the test must have seen real findings, not only syntax errors */
  assert_true(start_findings >= 12);
  assert_true(f.max_findings >= 10);
  assert_true(f.findings_total >= 3ull * f.reviews);  /* at least 3 on average */
  assert_true(f.divergences * 20 <= f.checks);        /* tree-sitter's own divergence stays rare */
  assert_true(f.ncodes >= 10);
  assert_true(f.bad_ranges > 0);
  pr_document_delete(f.doc);
  pr_review_cache_free(f.cache);
  ts_tree_delete(f.ref_tree);
  ts_parser_delete(f.edit_parser);
  ts_parser_delete(f.fresh_parser);
  ts_parser_delete(f.ref_parser);
  buf_free(&f.view);
  buf_free(&f.text);
  buf_free(&f.desc);
  buf_free(&f.before);
  for (int i = 0; i < MAX_BATCH; i++) buf_free(&f.change_text[i]);
  free(f.lines.v);
}

/* The '\r' cases one at a time, at fixed places (the random runs meet them
 * too): each change to a line end next to a comment must leave the tree a
 * fresh parse gives. A comment shows it best: its token runs to the line end
 * and takes a '\r' in exactly when that '\r' no longer ends the line by itself;
 * at the start of the file nothing before it has looked that far ahead, so the
 * first cases fail if the edit does not reach back over the '\r' before it. */
static void line_ends_joined_and_split_next_to_a_comment(void **state) {
  static const struct {
    const char *text;
    pr_position start, end;
    const char *repl, *want;
  } cases[] = {
    /* "\n" typed after a bare '\r': they become one line end */
    {"# c\ry = 2\r", {1, 0}, {1, 0}, "\n", "# c\r\ny = 2\r"},
    {"# c\r", {1, 0}, {1, 0}, "\n", "# c\r\n"},
    {"# c\r", {1, 0}, {1, 0}, "\n    y = 2\n", "# c\r\n    y = 2\n"},
    /* what stood between a bare '\r' and a '\n' deleted: they join */
    {"# c\rz\ny = 2\n", {1, 0}, {1, 1}, "", "# c\r\ny = 2\n"},
    {"# c\rz = 3\n", {1, 0}, {1, 5}, "", "# c\r\n"},
    /* the same after code (here the scanner looked past the comment anyway) */
    {"x = 1  # c\ry = 2\r", {1, 0}, {1, 0}, "\n", "x = 1  # c\r\ny = 2\r"},
    /* the '\n' of "\r\n" deleted ("\r\n" := "\r": LSP cannot address between them) */
    {"# c\r\ny = 2\r\n", {0, 3}, {1, 0}, "\r", "# c\ry = 2\r\n"},
    /* "\r\n" split by a line */
    {"# c\r\ny = 2\r\n", {0, 3}, {1, 0}, "\rz = 3\n", "# c\rz = 3\ny = 2\r\n"},
    /* a '\r' typed before a lone '\n' */
    {"# c\ny = 2\n", {0, 3}, {0, 3}, "\r", "# c\r\ny = 2\n"},
    /* the '\r' of "\r\n" deleted, and a bare '\r' deleted */
    {"# c\r\ny = 2\n", {0, 3}, {1, 0}, "\n", "# c\ny = 2\n"},
    {"# c\ry = 2\n", {0, 3}, {1, 0}, "", "# cy = 2\n"},
  };
  TSParser *edit = pr_parser_new(), *fresh_parser = pr_parser_new();
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    for (pr_unit unit = PR_UNIT_UTF8; unit <= PR_UNIT_UTF32; unit++) {
      pr_document *doc = pr_document_new(edit, cases[i].text, (uint32_t)strlen(cases[i].text), 1);
      assert_non_null(doc);
      pr_change c = {true, cases[i].start, cases[i].end, cases[i].repl, (uint32_t)strlen(cases[i].repl)};
      assert_int_equal(pr_document_apply(doc, edit, &c, 1, unit, 2, NULL), PR_DOC_OK);
      assert_string_equal(pr_document_text(doc), cases[i].want);
      pr_document *fresh = pr_document_new(fresh_parser, cases[i].want, (uint32_t)strlen(cases[i].want), 1);
      buf why = {0};
      buf_clear(&why);
      if (!same_tree(ts_tree_root_node(pr_document_tree(doc)), ts_tree_root_node(pr_document_tree(fresh)), true,
                     "edited", "fresh", &why))
        fail_msg("case %zu (%s): %s", i, unit_name(unit), why.b);
      buf_free(&why);
      pr_document_delete(fresh);
      pr_document_delete(doc);
    }
  }
  ts_parser_delete(edit);
  ts_parser_delete(fresh_parser);
}

/* PR_DIFF_EDITS=n changes the number of edits per seed and PR_DIFF_SEED=s adds s
 * to every seed: longer or other runs without a rebuild (the defaults keep the
 * suite fast). */
static int edits(void) {
  const char *e = getenv("PR_DIFF_EDITS");
  return e && atoi(e) > 0 ? atoi(e) : 200;
}

static uint64_t seed(uint64_t base) {
  const char *e = getenv("PR_DIFF_SEED");
  return base + (e ? strtoull(e, NULL, 0) : 0);
}

static void lf_text(void **state) { run_seed(seed(0x5EED0001), 0, false, edits()); }
static void crlf_text(void **state) { run_seed(seed(0x5EED0002), 1, false, edits()); }
static void cr_text(void **state) { run_seed(seed(0x5EED0003), 2, false, edits()); }
static void mixed_line_ends(void **state) { run_seed(seed(0x5EED0004), 3, false, edits()); }
static void mixed_line_ends_and_a_bom(void **state) { run_seed(seed(0x5EED0005), 3, true, edits()); }
static void crlf_and_a_bom(void **state) { run_seed(seed(0x5EED0006), 1, true, edits()); }

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(line_ends_joined_and_split_next_to_a_comment),
    cmocka_unit_test(lf_text),
    cmocka_unit_test(crlf_text),
    cmocka_unit_test(cr_text),
    cmocka_unit_test(mixed_line_ends),
    cmocka_unit_test(mixed_line_ends_and_a_bom),
    cmocka_unit_test(crlf_and_a_bom),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
