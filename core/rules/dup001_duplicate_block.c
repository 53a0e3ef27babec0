/* DUP001 duplicate-block: a run of 6 or more statements repeated elsewhere in the file.
 *
 * ## What it does
 * Finds runs of 6 or more consecutive statements of one block (a compound
 * statement counts as one, with its whole body) that equal another run in
 * the same file, compared as syntax trees: whitespace, comments,
 * parentheses and quote style are ignored; identifiers and literal values
 * are kept (`'x'` equals `"x"`; `1` does not equal `1.0`). Reports each
 * maximal run once, on every copy after the first, with related information
 * at the first copy. Each statement is hashed once (core/structhash.c), and
 * the runs are found with one hash table over the file, never by comparing
 * every pair.
 *
 * ## Why is this bad?
 * Copied code has to be fixed in every copy, and sooner or later one copy is
 * forgotten: the copies drift apart and nobody knows which one is right.
 *
 * ## Example
 * ```python
 * def test_create(self):
 *     user = User(name="a")
 *     user.email = "a@example.com"
 *     user.save()
 *     session = login(user)
 *     session.refresh()
 *     self.client.force_login(user)
 *     self.assertTrue(self.client.get("/").ok)
 *
 * def test_delete(self):
 *     user = User(name="a")
 *     user.email = "a@example.com"
 *     user.save()
 *     session = login(user)
 *     session.refresh()
 *     self.client.force_login(user)
 *     self.client.delete("/me")
 * ```
 *
 * ## Use instead
 * Move the shared statements into a function (`setUp`, a fixture, a helper)
 * and call it from both places.
 */
#include "rule.h"
#include "rule_docs.h"
#include "structhash.h"

#include <string.h>

#define DUP001_MIN_RUN 6

/* The blocks shown, in document order. */
typedef struct dup001_state {
  TSNode *blocks;
  uint32_t count, cap;
} dup001_state;

/* A block or the module, kept for on_file_end (inner blocks are hashed first there). */
static void dup001_on_block(pr_ctx *ctx, TSNode block) {
  dup001_state *st = pr_rule_state(ctx, sizeof *st);
  if (!st) return;
  if (st->count == st->cap) {
    uint32_t cap = st->cap ? st->cap * 2 : 64;
    TSNode *b = pr_ctx_alloc(ctx, cap * sizeof *b);
    if (!b) return;
    if (st->count) memcpy(b, st->blocks, st->count * sizeof *b);
    st->blocks = b;
    st->cap = cap;
  }
  st->blocks[st->count++] = block;
}

/* Hashes one block's statements (their inner blocks are known) and records
 * a fact per window of 6 consecutive statements. */
static void dup001_block(pr_ctx *ctx, dup001_state *st, TSNode block) {
  const TSNode *kids;
  uint32_t n = ts_node_named_child_count(block);
  if (n < DUP001_MIN_RUN) return;  /* most blocks: too short for a window */
  n = pr_block_children(ctx, block, &kids);
  if (n == PR_NONE) return;
  TSNode *stmts = n ? pr_ctx_alloc(ctx, n * sizeof *stmts) : NULL;
  uint64_t *hashes = n ? pr_ctx_alloc(ctx, n * sizeof *hashes) : NULL;
  if (n && (!stmts || !hashes)) return;
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode s = kids[i];
    pr_kind k = pr_node_kind(s);
    if (k == pr_kind_comment) continue;
    /* a definition ends the runs around it, unhashed: it is another
       function's body (rule.h: local rules), and hashing every method of a
       class body on each review would walk the whole file */
    if (k == pr_kind_function_definition || k == pr_kind_class_definition || k == pr_kind_decorated_definition) {
      hashes[count] = 0;
      stmts[count++] = s;
      continue;
    }
    /* the walk hashed every statement (PR_RULE_STRUCT_HASHES) */
    uint64_t h;
    if (!pr_statement_hash(ctx, s, &h)) h = pr_struct_hash(ctx->text, s);
    /* a statement that does not parse ends the runs around it (0) */
    hashes[count] = (k == pr_kind_ERROR || ts_node_has_error(s)) ? 0 : h | 1;
    stmts[count++] = s;
  }
  for (uint32_t i = 0; i + DUP001_MIN_RUN <= count; i++) {
    uint64_t w = 0x2545F4914F6CDD1Dull;
    bool broken = false;
    for (uint32_t j = i; j < i + DUP001_MIN_RUN; j++) {
      broken = broken || hashes[j] == 0;
      w = pr_struct_hash_combine(w, hashes[j]);
    }
    if (broken) continue;
    uint32_t next = i + DUP001_MIN_RUN < count ? ts_node_start_byte(stmts[i + 1]) : PR_NONE;
    pr_fact f = {.start = ts_node_start_byte(stmts[i]), .end = ts_node_end_byte(stmts[i + DUP001_MIN_RUN - 1]),
                 .ref = {next, PR_NONE}, .tag = (uint32_t)(w >> 32), .value = (uint32_t)w};
    pr_add_fact(ctx, &f);
  }
}

static void dup001_end(pr_ctx *ctx) {
  dup001_state *st = ctx->state;
  if (!st) return;
  for (uint32_t i = 0; i < st->count; i++) dup001_block(ctx, st, st->blocks[i]);
}

static uint64_t dup001_key(const pr_fact *f) { return ((uint64_t)f->tag << 32) | f->value; }

/* The 1-based line of byte `at`. */
static uint32_t dup001_line(const pr_ctx *ctx, uint32_t at) { return pr_line_of(ctx, at); }

/* The fact starting at byte `start`, or PR_NONE (facts are sorted by start). */
static uint32_t dup001_at(const pr_fact *facts, uint32_t count, uint32_t start) {
  uint32_t lo = 0, hi = count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (facts[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < count && facts[lo].start == start ? lo : PR_NONE;
}

static void dup001_check(pr_ctx *ctx, const pr_fact *facts, uint32_t count) {
  if (count < 2) return;
  uint32_t cap = 16;
  while (cap < count * 2) cap *= 2;
  uint32_t *table = pr_ctx_alloc(ctx, cap * sizeof *table);
  uint32_t *dup = pr_ctx_alloc(ctx, count * sizeof *dup);
  if (!table || !dup) return;
  memset(table, 0xFF, cap * sizeof *table);
  /* one pass: each window against the first earlier window with the same hash */
  for (uint32_t i = 0; i < count; i++) {
    uint64_t key = dup001_key(&facts[i]);
    uint32_t h = (uint32_t)(key ^ (key >> 29)) & (cap - 1);
    dup[i] = PR_NONE;
    while (table[h] != PR_NONE && dup001_key(&facts[table[h]]) != key) h = (h + 1) & (cap - 1);
    if (table[h] == PR_NONE) table[h] = i;
    else if (facts[table[h]].end <= facts[i].start) dup[i] = table[h];
  }
  uint32_t reported_end = 0;
  bool *done = pr_ctx_alloc(ctx, count * sizeof *done);
  if (!done) return;
  for (uint32_t i = 0; i < count; i++) {
    if (dup[i] == PR_NONE || done[i] || facts[i].start < reported_end) continue;
    /* the maximal run: following windows of the same block that repeat too */
    uint32_t last = i, windows = 1;
    done[i] = true;
    for (;;) {
      uint32_t next = facts[last].ref[0] == PR_NONE ? PR_NONE : dup001_at(facts, count, facts[last].ref[0]);
      if (next == PR_NONE || dup[next] == PR_NONE) break;
      done[next] = true;
      last = next;
      windows++;
    }
    uint32_t first_copy = dup[i];
    uint32_t copy_end = facts[first_copy].end;
    if (facts[dup[last]].start > facts[first_copy].start && facts[dup[last]].end <= facts[i].start)
      copy_end = facts[dup[last]].end;
    uint32_t statements = windows + DUP001_MIN_RUN - 1;
    uint32_t from = dup001_line(ctx, facts[first_copy].start), to = dup001_line(ctx, copy_end);
    pr_finding *f = pr_report_bytes(ctx, facts[i].start, facts[last].end,
                                    "These %u statements repeat lines %u-%u: move them into one function and call it "
                                    "from both places",
                                    statements, from, to);
    pr_finding_add_related_bytes(ctx, f, facts[first_copy].start, copy_end, "The first copy");
    reported_end = facts[last].end;
  }
}

const pr_rule pr_rule_dup001 = {
  .code = "DUP001",
  .name = "duplicate-block",
  .category = "Duplication",
  .severity = PR_SEV_INFORMATION,
  .cwe = 0,
  .tags = 0,
  .flags = PR_RULE_STRUCT_HASHES,
  .summary = "A run of 6 or more statements repeated elsewhere in the file",
  .doc = pr_doc_dup001,
  .kinds = {pr_kind_block, pr_kind_module},
  .on_node = dup001_on_block,
  .on_file_end = dup001_end,
  .on_facts = dup001_check,
};
