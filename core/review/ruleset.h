/* ruleset.h - the registry of every rule, and selections of rules.
 *
 * The registry is generated from core/rules/registry.def, so adding a rule is
 * one file plus one line there. Rule items (in --select, --ignore, noqa lists)
 * are codes (`SEC001`), names (`sql-injection`) or category prefixes (`SEC`),
 * any case. */
#ifndef PR_RULESET_H
#define PR_RULESET_H

#include "rule.h"

#include <stddef.h>

#define PR_MAX_RULES 64

extern const pr_rule *const pr_rules[];
extern const uint32_t pr_rule_count;

/* The rule whose code or name is s[0..len) (any case), or NULL. */
const pr_rule *pr_rule_lookup(const char *s, size_t len);
/* Index of a registered rule in pr_rules. */
uint32_t pr_rule_index(const pr_rule *rule);
/* True when item s[0..len) names the rule: its code, its name or its code's letter prefix. */
bool pr_item_matches(const char *s, size_t len, const pr_rule *rule);
/* True when s[0..len) names at least one rule (code, name or prefix). */
bool pr_item_known(const char *s, size_t len);

typedef struct pr_selection {
  bool enabled[PR_MAX_RULES];
} pr_selection;

/* All rules on. */
void pr_selection_all(pr_selection *sel);
/* Applies comma/space separated lists: `select` (NULL = all) then `ignore`
 * (NULL = none). Returns 0, or -1 with a message in err naming an unknown item. */
int pr_selection_apply(pr_selection *sel, const char *select, const char *ignore, char *err, size_t cap);

#endif
