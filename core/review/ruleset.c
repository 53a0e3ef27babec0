/* ruleset.c - the rule registry and selections; see ruleset.h. */
#include "ruleset.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define PR_RULE(id) extern const pr_rule pr_rule_##id;
#include "../rules/registry.def"
#undef PR_RULE

const pr_rule *const pr_rules[] = {
#define PR_RULE(id) &pr_rule_##id,
#include "../rules/registry.def"
#undef PR_RULE
};
const uint32_t pr_rule_count = sizeof pr_rules / sizeof pr_rules[0];
_Static_assert(sizeof pr_rules / sizeof pr_rules[0] <= PR_MAX_RULES, "raise PR_MAX_RULES");

static bool pr_ruleset__eq(const char *s, size_t len, const char *word) {
  return strlen(word) == len && strncasecmp(s, word, len) == 0;
}

const pr_rule *pr_rule_lookup(const char *s, size_t len) {
  for (uint32_t i = 0; i < pr_rule_count; i++)
    if (pr_ruleset__eq(s, len, pr_rules[i]->code) || pr_ruleset__eq(s, len, pr_rules[i]->name)) return pr_rules[i];
  return NULL;
}

uint32_t pr_rule_index(const pr_rule *rule) {
  for (uint32_t i = 0; i < pr_rule_count; i++)
    if (pr_rules[i] == rule) return i;
  return 0;
}

bool pr_item_matches(const char *s, size_t len, const pr_rule *rule) {
  if (pr_ruleset__eq(s, len, rule->code) || pr_ruleset__eq(s, len, rule->name)) return true;
  /* a category prefix: the code's letters (SEC, TST) */
  size_t letters = 0;
  while (rule->code[letters] && isalpha((unsigned char)rule->code[letters])) letters++;
  return len == letters && strncasecmp(s, rule->code, len) == 0;
}

bool pr_item_known(const char *s, size_t len) {
  for (uint32_t i = 0; i < pr_rule_count; i++)
    if (pr_item_matches(s, len, pr_rules[i])) return true;
  return false;
}

void pr_selection_all(pr_selection *sel) {
  memset(sel, 0, sizeof *sel);
  for (uint32_t i = 0; i < pr_rule_count; i++) sel->enabled[i] = true;
}

/* Calls fn for each item of a comma/space separated list; stops at the first failure. */
static int pr_ruleset__each(const char *list, bool on, pr_selection *sel, char *err, size_t cap) {
  const char *p = list;
  while (*p) {
    while (*p == ',' || *p == ' ' || *p == '\t') p++;
    if (!*p) break;
    const char *st = p;
    while (*p && *p != ',' && *p != ' ' && *p != '\t') p++;
    size_t n = (size_t)(p - st);
    bool any = false;
    for (uint32_t i = 0; i < pr_rule_count; i++)
      if (pr_item_matches(st, n, pr_rules[i])) { sel->enabled[i] = on; any = true; }
    if (!any) {
      snprintf(err, cap, "unknown rule or category '%.*s' (see `pyreview rules`)", (int)n, st);
      return -1;
    }
  }
  return 0;
}

int pr_selection_apply(pr_selection *sel, const char *select, const char *ignore, char *err, size_t cap) {
  if (select) {
    memset(sel, 0, sizeof *sel);
    if (pr_ruleset__each(select, true, sel, err, cap)) return -1;
  }
  if (ignore && pr_ruleset__each(ignore, false, sel, err, cap)) return -1;
  return 0;
}
