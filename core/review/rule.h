/* rule.h - what a rule is and everything a rule may call.
 *
 * One rule per file in core/rules/, listed once in core/rules/registry.def.
 * A rule file reads top to bottom: its documentation (What it does / Why is
 * this bad? / Example / Use instead), the check, and its pr_rule metadata.
 *
 * How rules run: the engine walks the tree once with a cursor, building the
 * semantic model and recording every node whose kind some enabled rule
 * subscribed to. When the walk ends and the model is complete, it dispatches
 * the recorded nodes in document order to `on_node`, then calls `on_file_end`.
 * So a rule always sees the whole file's bindings (late binding, names
 * rebound below their use) without a second walk.
 *
 * Rules are local (the incremental review depends on it, see incremental.h):
 * what a rule reports inside a function defined at module level or in a class
 * body (a segment) may depend only on that function's own text and on the
 * code outside every such function (module statements, class headers and
 * bodies, the functions' names). When a review reuses a segment's results,
 * the model holds no scopes, bindings or references of that segment (only its
 * name, bound where it is defined), and no on_node call is made inside it.
 * What a rule reports or records outside segments, from the skeleton (a
 * scan of the raw text, a function's name bound where it is defined), or while
 * on_node looks at a node enclosing a segment (a class body: DED004 flags the
 * methods after a class-level `raise`) is recomputed on every review and
 * counted once with what a segment kept.
 * A rule whose verdict needs the whole file (a module's dominant naming style,
 * a test that asserts through a helper defined elsewhere) records facts with
 * pr_add_fact while it looks at what it is shown, and decides in on_facts,
 * which receives the facts of the whole file (kept ones included) after every
 * review. A rule that reads raw text outside the segment it judges declares
 * file_key: a digest of what it reads, which invalidates every kept result
 * when it changes. The digest is built from pieces (each segment, and the
 * text between them), each piece's part kept with the segment, so that a
 * keystroke rescans only the function it changed.
 *
 * Rules never allocate with malloc (use pr_ctx_alloc: freed with the review),
 * never print, and know nothing of suppressions, configuration or LSP: they
 * call pr_report and the engine decides what is shown. */
#ifndef PR_RULE_H
#define PR_RULE_H

#include "semantic.h"
#include "syntax.h"

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

typedef enum pr_severity {
  PR_SEV_ERROR = 1,
  PR_SEV_WARNING = 2,
  PR_SEV_INFORMATION = 3,
  PR_SEV_HINT = 4,
} pr_severity;

enum pr_rule_tags {
  PR_TAG_UNNECESSARY = 1u << 0,  /* LSP DiagnosticTag.Unnecessary */
  PR_TAG_DEPRECATED = 1u << 1,   /* LSP DiagnosticTag.Deprecated */
};

/* One piece's part of a rule's file_key: bits to OR, and a sum to add, over
 * the pieces of the text. */
typedef struct pr_key_part { uint64_t flags, sum; } pr_key_part;

enum pr_rule_flags {
  PR_RULE_TESTS_ONLY = 1u << 0,    /* findings only in test code */
  PR_RULE_NOT_IN_TESTS = 1u << 1,  /* no findings in test code (by default) */
  PR_RULE_NO_PY2 = 1u << 2,        /* off in Python 2 files */
  PR_RULE_STRUCT_HASHES = 1u << 3, /* the walk computes statements' structural hashes (pr_statement_hash) */
};

typedef struct pr_ctx pr_ctx;
typedef struct pr_finding pr_finding;
struct pr_unused_suppression;  /* suppress.h */
typedef struct pr_fact pr_fact;

#define PR_RULE_MAX_KINDS 12

typedef struct pr_rule {
  const char *code;          /* "SEC001": stable */
  const char *name;          /* "sql-injection": stable */
  const char *category;      /* "Security", "Exceptions", "Tests", "Naming", ... */
  pr_severity severity;      /* default severity */
  int cwe;                   /* 0 when none */
  unsigned tags;             /* pr_rule_tags */
  unsigned flags;            /* pr_rule_flags */
  const char *summary;       /* one line */
  const char *doc;           /* Markdown: ## What it does / ## Why is this bad? / ## Example / ## Use instead */
  pr_kind kinds[PR_RULE_MAX_KINDS];  /* node kinds delivered to on_node; ends at the first 0 */
  void (*on_node)(pr_ctx *ctx, TSNode node);
  void (*on_file_end)(pr_ctx *ctx);
  /* Called after on_file_end with every fact of the file that this rule
   * recorded, sorted by start; findings reported here are recomputed on
   * every review. */
  void (*on_facts)(pr_ctx *ctx, const pr_fact *facts, uint32_t count);
  /* A digest of the whole file's text as this rule reads it beyond the
   * segment it judges (see above), from parts: file_key_part digests one
   * piece of the text (it sees only that piece; blanks between two functions
   * are left out of the pieces), the engine ORs the pieces' flags and adds
   * their sums, and file_key makes the key of that whole.
   * NULL for most rules. */
  pr_key_part (*file_key_part)(const char *piece, uint32_t len);
  uint64_t (*file_key)(pr_key_part whole);
  /* Called once the other findings are suppressed, for each suppression
   * directive or item that suppressed none of them (SUP001); findings
   * reported here are silenced only by an item naming this rule. */
  void (*on_unused_suppression)(pr_ctx *ctx, const struct pr_unused_suppression *unused);
} pr_rule;

/* Something a rule learnt about the file, kept with the segment holding
 * `start` and handed back to on_facts (offsets moved with the text). */
struct pr_fact {
  uint32_t start, end;       /* bytes */
  uint32_t ref[2];           /* two further byte offsets, or PR_NONE */
  uint32_t tag, value;       /* the rule's own */
  const char *text;          /* copied (NUL-terminated) when recorded; may be NULL */
  uint32_t text_len;
};

/* The context handed to a rule. Read-only for rules except through the functions below. */
struct pr_ctx {
  const char *text;          /* the analysed text (UTF-8), NUL-terminated */
  uint32_t len;
  TSNode root;
  const char *path;          /* as given to the review; may be "" */
  bool test_file;            /* the file is a test file (catalog: Definitions) */
  bool python2;              /* the file uses Python 2-only syntax */
  const pr_model *model;     /* complete semantic model */
  const struct pr_thresholds *thresholds;  /* the file's thresholds and modes (options.h); never NULL */
  /* set for each on_node call: */
  TSNode parent;             /* the node's parent (null for the root) */
  uint32_t scope;            /* the scope the node is evaluated in */
  uint32_t own_scope;        /* the scope the node opens (def, class, lambda, comprehension) or PR_NONE */
  const pr_rule *rule;       /* the rule being run */
  void *state;               /* this rule's per-file state (see pr_rule_state), or NULL */
  struct pr_call_memo *call_memo;  /* the review's qualified callee names (names.c); engine-owned */
  struct pr_review_run *run; /* private to the engine */
};

/* Reports a finding of ctx->rule on `node`'s range. The message is printf-formatted
 * and copied. Returns the finding (to attach related information), or NULL when it
 * was dropped (inside an ERROR node, out of memory). */
pr_finding *pr_report(pr_ctx *ctx, TSNode node, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The same with an explicit byte range; `anchor` is a node within that range (it
 * locates the enclosing statement for suppressions). */
pr_finding *pr_report_range(pr_ctx *ctx, TSNode anchor, uint32_t start_byte, uint32_t end_byte,
                            const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Adds LSP relatedInformation (same file) to a finding. */
void pr_finding_add_related(pr_ctx *ctx, pr_finding *f, TSNode node, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Gives a finding a fix (the catalog's "Fix" column): a message, then one
 * pr_finding_add_edit per edit. Edits must not overlap; a fix whose edits
 * would leave the function it is in is not offered. */
void pr_finding_set_fix(pr_ctx *ctx, pr_finding *f, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void pr_finding_add_edit(pr_ctx *ctx, pr_finding *f, uint32_t start_byte, uint32_t end_byte, const char *text,
                         uint32_t len);

/* Records a fact for ctx->rule's on_facts (from on_node or on_file_end). */
void pr_add_fact(pr_ctx *ctx, const pr_fact *fact);
/* Reports a finding on a byte range when no node is at hand (on_facts): the
 * smallest node covering the range anchors it. */
pr_finding *pr_report_bytes(pr_ctx *ctx, uint32_t start_byte, uint32_t end_byte, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Adds related information at a byte range. */
void pr_finding_add_related_bytes(pr_ctx *ctx, pr_finding *f, uint32_t start_byte, uint32_t end_byte,
                                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Zeroed memory freed with the review. NULL when out of memory. */
void *pr_ctx_alloc(pr_ctx *ctx, size_t size);
/* This rule's per-file state: `size` zeroed bytes allocated on first call and
 * returned again on later calls for the same file (also as ctx->state). */
void *pr_rule_state(pr_ctx *ctx, size_t size);

/* The 1-based line of byte `at` (the review's line index: a binary search). */
uint32_t pr_line_of(const pr_ctx *ctx, uint32_t at);
/* The structural hash (structhash.h) of a statement or block, computed by
 * the walk when an enabled rule has PR_RULE_STRUCT_HASHES; false when the
 * walk did not hash it (then pr_struct_hash gives the same value). */
bool pr_statement_hash(const pr_ctx *ctx, TSNode node, uint64_t *out);
/* The named children of a block or of the module (comments too), in order:
 * *out points into the review's memory, valid until it ends (a rule may keep
 * it for on_file_end). The walk records them for every block a rule looks at,
 * so this costs a binary search, where ts_node_named_child(block, i) walks
 * over i children each time; other nodes are read in one pass (pr_children).
 * PR_NONE only when out of memory. */
uint32_t pr_block_children(const pr_ctx *ctx, TSNode block, const TSNode **out);
/* A rule's per-file text gate (names.h: pr_text_mentions) cached in its
 * state, for a rule whose state is nothing else: true when the text holds
 * one of the needles. */
bool pr_rule_mentions(pr_ctx *ctx, const char *const *needles);
/* True when `needle` (a `word` standing alone, when asked: names.h:
 * pr_text_find_word) occurs in the text this review walks: the whole text
 * less the functions whose kept results it reuses (incremental.h), whose
 * findings do not depend on what is found here. For per-review text gates
 * (names.h: pr_text_mentions). */
bool pr_walked_text_has(const pr_ctx *ctx, const char *needle, bool word);
/* The catalog's statement count of a function_definition (statements.h:
 * pr_statement_count), without walking its body again: the review's walk
 * counts each function's statements as it goes, so this is a lookup when
 * `def` is the node on_node looks at; any other def is counted. */
uint32_t pr_def_statement_count(const pr_ctx *ctx, TSNode def);
/* Where a function or class definition starts, its decorators included: for
 * a function that is a segment (incremental.h) by binary search among the
 * review's segments, else through ts_node_parent (which searches from the
 * root, stepping over every method of a large class body). */
uint32_t pr_definition_start(const pr_ctx *ctx, TSNode def);
/* True when `rule` runs in this review (the selection and configuration enable it). */
bool pr_rule_enabled(const pr_ctx *ctx, const pr_rule *rule);

/* The innermost scope of the model holding byte `at` (for a function whose
 * results are reused, whose own scopes are not in the model: the scope it is
 * defined in). For on_facts, which has offsets and no nodes. */
uint32_t pr_scope_at(const pr_ctx *ctx, uint32_t at);

/* True when `scope` is test code: the file is a test file, or the scope lies in a test class body. */
bool pr_in_test_code(const pr_ctx *ctx, uint32_t scope);

/* Node text helpers (pointers into ctx->text). */
static inline const char *pr_text(const pr_ctx *ctx, TSNode node, uint32_t *len) {
  return pr_node_text(ctx->text, node, len);
}
static inline bool pr_text_is(const pr_ctx *ctx, TSNode node, const char *s) {
  return pr_node_text_is(ctx->text, node, s);
}

#endif
