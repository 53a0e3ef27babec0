/* literal.h - the catalog's "Literal values" predicate, and the truth of constants.
 *
 * Literal: string and bytes literals (implicit concatenation, f-strings
 * without replacement fields), expressions built only from them with `+`, `%`
 * and `.format()` (tuple or dict displays of literals are literal operands),
 * and a name bound exactly once in its scope to such a value and never
 * reassigned: a local of the same function, or a module-level name no
 * statement of the file rebinds (no `global NAME` assignment anywhere).
 * Everything else (parameters, attributes, calls, subscripts, f-strings with a
 * field) is non-literal. Numbers are literal operands too (`"%d" % 5`), and a
 * conditional expression choosing between two literals is literal (its value
 * can only be one of them; the catalog is silent, and flagging it would be a
 * false positive). A local rebound by a nested function's `nonlocal` counts as
 * reassigned. */
#ifndef PR_LITERAL_H
#define PR_LITERAL_H

#include "rule.h"

/* True when `expr`, read in `scope`, is a literal value. */
bool pr_is_literal(const pr_ctx *ctx, TSNode expr, uint32_t scope);

/* The same, where a call for which `accept(ctx, call, scope)` is true counts
 * as a literal operand, and an f-string's replacement fields are judged like
 * operands (literal when each is literal or accepted): SEC017's escaping
 * functions (`Markup(f"<b>{escape(x)}</b>")`). `accept` is not called for
 * other nodes. NULL accepts nothing: pr_is_literal. */
bool pr_is_literal_accepting(const pr_ctx *ctx, TSNode expr, uint32_t scope,
                             bool (*accept)(const pr_ctx *ctx, TSNode call, uint32_t scope));

/* Values a rule counts as literal operands beyond the catalog's: each member
 * is asked about nodes of its kind (a NULL member accepts nothing). With any
 * member set, an f-string's replacement fields are judged like operands. */
typedef struct pr_literal_accept {
  bool (*call)(const pr_ctx *ctx, TSNode call, uint32_t scope);           /* `int(x)`, `escape(x)` */
  bool (*attribute)(const pr_ctx *ctx, TSNode attribute, uint32_t scope); /* `self.NAME` */
} pr_literal_accept;

/* The same as pr_is_literal_accepting with attributes too; NULL: pr_is_literal. */
bool pr_is_literal_with(const pr_ctx *ctx, TSNode expr, uint32_t scope, const pr_literal_accept *accept);

/* True for a string node (or concatenated_string) holding an interpolation. */
bool pr_string_has_interpolation(TSNode string);
/* The parts (contents, escape sequences, interpolations) of a string, or of
 * each string of an implicit concatenation, in order and in one pass however
 * many strings there are:
 *   pr_string_parts it; TSNode part;
 *   for (pr_string_parts_start(&it, s); pr_string_parts_next(&it, &part);) ...
 *   pr_string_parts_end(&it);
 * Every start must be ended, also when a loop stops early. */
typedef struct pr_string_parts {
  pr_children outer, inner;
  bool concatenated, inner_live;
} pr_string_parts;
void pr_string_parts_start(pr_string_parts *it, TSNode string);
bool pr_string_parts_next(pr_string_parts *it, TSNode *part);
void pr_string_parts_end(pr_string_parts *it);

/* The contents of a string literal (a string, or a concatenated_string of
 * them) as written in the source: the pieces between the quotes, prefixes and
 * quotes dropped, escape sequences kept as written (`\\n` is two bytes).
 * Writes at most cap - 1 bytes and a NUL into buf; returns the length. Stops
 * at the first replacement field of an f-string. *whole (may be NULL) is set
 * to true when the returned text is all of the literal (no field, nothing
 * cut). A node that is not a string gives 0 and *whole false. */
uint32_t pr_string_text(const pr_ctx *ctx, TSNode string, char *buf, uint32_t cap, bool *whole);

/* For a name bound exactly once (never reassigned) in `scope`'s function, or at
 * module level and never rebound: that binding's value node; else a null node. */
TSNode pr_single_assignment_value(const pr_ctx *ctx, TSNode name, uint32_t scope);

/* The truth of a constant as Python sees it: 1 for True, a non-zero number
 * (signs included), a non-empty string or bytes literal without replacement
 * fields, or a non-empty list/tuple/dict/set display; 0 for False, None, zero,
 * an empty string or an empty display; -1 for anything that is not such a
 * constant (names, calls, f-strings with fields). */
int pr_constant_truth(const pr_ctx *ctx, TSNode value);

#endif
