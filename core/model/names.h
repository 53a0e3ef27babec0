/* names.h - call and name helpers shared by rules: qualified names after imports,
 * arguments by position or keyword.
 *
 * Qualified names follow the catalog ("Names and calls"): `sp.run` is
 * `subprocess.run` after `import subprocess as sp`; `loads` is `pickle.loads`
 * after `from pickle import loads`; a dotted name whose first part the file
 * never binds is taken as written (`eval`, `tempfile.mktemp`); a first part
 * bound to anything but an import (a local, a def, a parameter) has no
 * qualified name. */
#ifndef PR_NAMES_H
#define PR_NAMES_H

#include "rule.h"

/* Writes the qualified name of `expr` (an identifier or attribute chain), read in
 * `scope`, NUL-terminated into buf[0..cap). Returns its length, or 0 when it has
 * none (not a dotted name, bound to a non-import, or longer than cap - 1). */
uint32_t pr_qualified_name(const pr_ctx *ctx, TSNode expr, uint32_t scope, char *buf, uint32_t cap);

/* An empty memo for pr_call_qualified_name, in the review's arena (the engine makes one per review). */
struct pr_call_memo *pr_call_memo_new(pr_arena *arena);

/* The qualified name of a call's callee (see above), read in ctx->scope.
 * Memoised per review: many rules ask it of the same call. */
uint32_t pr_call_qualified_name(const pr_ctx *ctx, TSNode call, char *buf, uint32_t cap);

/* True when the call's callee resolves to one of the NULL-terminated names. */
bool pr_call_matches(const pr_ctx *ctx, TSNode call, const char *const *qualified_names);

/* The last name part of an identifier or attribute chain (parentheses skipped):
 * `TestCase` in `unittest.TestCase`, `x` in `x`; a null node for anything else. */
TSNode pr_last_name_part(TSNode expr);

/* The last part of the callee: `execute` for `self.cur.execute(...)`, `eval` for
 * `eval(...)`; null node when the callee is neither an identifier nor an attribute. */
TSNode pr_callee_name(TSNode call);
/* The receiver of a method call (`self.cur` in `self.cur.execute()`), or a null node. */
TSNode pr_callee_receiver(TSNode call);

/* The index-th positional argument (0-based; keyword arguments and * / **
 * splats are skipped, and counting stops at the first *splat), or a null node. */
TSNode pr_call_positional(TSNode call, uint32_t index);
/* The value of keyword argument `name`, or a null node. */
TSNode pr_call_keyword(const pr_ctx *ctx, TSNode call, const char *name);
/* The argument at `index` or, when absent, the keyword `name`. */
TSNode pr_call_argument(const pr_ctx *ctx, TSNode call, uint32_t index, const char *name);
/* True when the call has a `**kwargs` argument. */
bool pr_call_has_kwargs_splat(TSNode call);

/* Skips parentheses: `((x))` -> `x`. */
TSNode pr_unparenthesize(TSNode node);

/* Compares the text of an identifier/attribute chain with a dotted name, e.g. "self.fail". */
bool pr_dotted_is(const pr_ctx *ctx, TSNode expr, const char *dotted);

/* An import's item (a dotted_name `a.b` or an aliased_import `a.b as c`) as
 * Python reads it, NUL-terminated into buf[0..cap): its names joined by `.`
 * and ` as `, without the blanks, line breaks, backslashes and comments that
 * may be written between them inside brackets. Returns its length, or 0 for
 * another node or when it does not fit. */
uint32_t pr_import_item_text(const pr_ctx *ctx, TSNode item, char *buf, uint32_t cap);

/* A logging call (catalog: Definitions): debug, info, warning, warn, error,
 * exception, critical or log called on a receiver whose last name part, ignoring
 * leading underscores and case, is log, logger or logging. */
bool pr_is_logging_call(const pr_ctx *ctx, TSNode call);

/* A per-file gate for a rule whose every finding needs one of the NULL-terminated
 * needles somewhere in the text: a module name (`tarfile`: neither an import
 * nor a dotted name can reach `tarfile.open` without it), or a literal the rule
 * looks for ("0.0.0.0"). Scans the text the review walks once per review
 * (rule.h: pr_walked_text_has; on a keystroke, not the functions whose kept
 * results are reused) and caches the answer in *cache (0: not scanned yet,
 * 1: found, 2: absent), which the rule keeps in its pr_rule_state. When the
 * needles are absent no node the rule is shown can give a finding, so the
 * gate only saves work: it never changes what is reported. A gate is for
 * needles written in the node judged or in the skeleton around it (an
 * import), never for what on_facts decides over the whole file. */
bool pr_text_mentions(const pr_ctx *ctx, uint8_t *cache, const char *const *needles);
/* The first byte offset >= from where `needle` occurs in text[0..len), or len. */
uint32_t pr_text_find(const char *text, uint32_t len, uint32_t from, const char *needle);
/* As pr_text_find, for `word` standing alone: no identifier character (letter,
 * digit, `_`, non-ASCII) right before or after it. */
uint32_t pr_text_find_word(const char *text, uint32_t len, uint32_t from, const char *word);
/* As pr_text_find and pr_text_find_word, for an occurrence that lies wholly
 * in text[from..to); still len when there is none. Pass the file's whole
 * text and a node's range, not the node's own text: the byte frequencies
 * that pick what memchr looks for are sampled once per text (per thread). */
uint32_t pr_text_find_range(const char *text, uint32_t len, uint32_t from, uint32_t to, const char *needle);
uint32_t pr_text_find_word_range(const char *text, uint32_t len, uint32_t from, uint32_t to, const char *word);
/* Whether text[from..to) may hold one of `needles` (NULL-terminated): the
 * look at a node's own bytes that rules take before its children are looked
 * up. A range longer than PR_MENTION_SCAN_MAX bytes is not scanned and may
 * hold anything (true): an outer call or statement holds inner ones, whose
 * checks would otherwise read the same long text again and again. */
enum { PR_MENTION_SCAN_MAX = 2048 };
bool pr_text_may_mention(const char *text, uint32_t len, uint32_t from, uint32_t to, const char *const *needles);

/* Gates of core's own predicates, cached for the review (NULL when the review
 * keeps no memo: then pr_text_mentions scans each time). */
typedef enum pr_gate { PR_GATE_EXIT, PR_GATE_NORETURN, PR_GATE_COUNT } pr_gate;
uint8_t *pr_review_gate(const pr_ctx *ctx, pr_gate which);

/* A scan of raw text (no tree: it also sees functions whose results a review
 * reuses) for attributes the text may assign: `.name` followed by `=` (not
 * `==`), an augmented operator (`+=`, `//=`, ...), an annotation and `=` on
 * the same line (`.name: int = 0`), or a `,` with a plain `=` later on the
 * line outside brackets (`self.a, self.b = ...`); and the literal name in
 * `setattr(obj, "name", ...)`. Strings and comments are scanned too, so it
 * may report more names than are assigned, never fewer of these forms
 * (`for self.x in`, `with ... as self.x` are not seen). Returns the next
 * name at or after *pos (and moves *pos past it), or false at the end. */
bool pr_next_assigned_attribute(const char *text, uint32_t len, uint32_t *pos, const char **name,
                                uint32_t *name_len);

#endif
