/* suppress.c - suppression comments; see suppress.h. */
#include "suppress.h"

#include "ruleset.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void pr_suppressions_init(pr_suppressions *s, pr_arena *arena) {
  memset(s, 0, sizeof *s);
  s->arena = arena;
}

/* A word that may stand in an item list: a known code, name or prefix, or
 * anything shaped like a code (letters then digits: F401), which is kept and
 * matches nothing. */
static bool pr_suppress__is_item(const char *w, size_t n) {
  if (pr_item_known(w, n)) return true;
  size_t i = 0;
  while (i < n && isalpha((unsigned char)w[i])) i++;
  if (i == 0 || i == n) return false;
  while (i < n && isdigit((unsigned char)w[i])) i++;
  return i == n;
}

/* Parses items from p[0..n) until the first word that is not an item (or `]`
 * when bracketed). Fills sup->items and their places (p is at byte `at`);
 * returns where the list ends. */
static const char *pr_suppress__items(pr_suppressions *s, pr_suppression *sup, const char *p, size_t n, bool bracket,
                                      uint32_t at) {
  const char *words[64];
  size_t lens[64];
  uint32_t count = 0;
  size_t i = 0, end = 0;
  while (i < n && count < 64) {
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == ',')) i++;
    if (i >= n || (bracket && p[i] == ']')) break;
    size_t st = i;
    while (i < n && (isalnum((unsigned char)p[i]) || p[i] == '-' || p[i] == '_')) i++;
    /* in brackets every word up to `]` is an item (a misspelt name too) */
    if (i == st || (!bracket && !pr_suppress__is_item(p + st, i - st))) break;
    words[count] = p + st;
    lens[count] = i - st;
    count++;
    end = i;
  }
  if (bracket) {
    size_t j = end;
    while (j < n && (p[j] == ' ' || p[j] == '\t' || p[j] == ',')) j++;
    if (j < n && p[j] == ']') end = j + 1;
  }
  size_t m = count ? count : 1;
  sup->items = pr_arena_alloc(s->arena, m * sizeof *sup->items);
  sup->item_starts = pr_arena_alloc(s->arena, m * sizeof *sup->item_starts);
  sup->item_used = pr_arena_alloc(s->arena, m * sizeof *sup->item_used);
  if (!sup->items || !sup->item_starts || !sup->item_used) return p + end;
  for (uint32_t k = 0; k < count; k++) {
    sup->items[k] = pr_arena_strndup(s->arena, words[k], lens[k]);
    sup->item_starts[k] = at + (uint32_t)(words[k] - p);
    if (!sup->items[k]) return p + end;
  }
  sup->item_count = count;
  return p + end;
}

/* Nothing but spaces from q to the comment's end. */
static bool pr_suppress__rest_blank(const char *q, const char *end) {
  while (q < end && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
  return q == end;
}

static pr_suppression *pr_suppress__new(pr_suppressions *s, uint32_t row) {
  pr_suppression *sup = pr_arena_alloc(s->arena, sizeof *sup);
  if (sup) sup->row = row;
  return sup;
}

/* Every comment of every file is searched three times: test the first letter
 * before calling strncasecmp (the needles start with a lowercase letter). */
static const char *pr_suppress__find_ci(const char *h, size_t n, const char *needle) {
  size_t k = strlen(needle);
  char lo = needle[0], up = (char)(needle[0] - 'a' + 'A');
  for (size_t i = 0; i + k <= n; i++)
    if ((h[i] == lo || h[i] == up) && strncasecmp(h + i + 1, needle + 1, k - 1) == 0) return h + i;
  return NULL;
}

bool pr_suppressions_relevant(const char *c, uint32_t len) {
  /* one pass for the three directives: every comment of a file comes here */
  for (uint32_t i = 0; i + 4 <= len; i++) {
    char x = (char)(c[i] | 0x20);
    if (x == 'n' && (!strncasecmp(c + i + 1, "oqa", 3) || (i + 5 <= len && !strncasecmp(c + i + 1, "osec", 4))))
      return true;
    if (x == 'p' && i + 9 <= len && !strncasecmp(c + i + 1, "yreview:", 8)) return true;
  }
  return false;
}

void pr_suppressions_add(pr_suppressions *s, const char *c, uint32_t len, uint32_t row, uint32_t at) {
  /* a comment may hold several directives ("# noqa: E501  # nosec"): scan each '#' part */
  const char *end = c + len;
  const char *noqa = pr_suppress__find_ci(c, len, "noqa");
  if (noqa) {
    /* `noqa` must start a directive: after '#' and spaces */
    const char *b = noqa;
    while (b > c && (b[-1] == ' ' || b[-1] == '\t')) b--;
    if (b > c && b[-1] == '#') {
      pr_suppression *sup = pr_suppress__new(s, row);
      if (!sup) return;
      const char *a = noqa + 4, *stop = a;
      if (a < end && *a == ':') {
        a++;
        stop = pr_suppress__items(s, sup, a, (size_t)(end - a), false, at + (uint32_t)(a - c));
      } else {
        sup->all = true;
      }
      sup->start = at + (uint32_t)(b - 1 - c);
      sup->end = at + (uint32_t)(stop - c);
      sup->whole_comment = b - 1 == c && pr_suppress__rest_blank(stop, end);
      sup->next = s->head;
      s->head = sup;
      s->count++;
    }
  }
  const char *nosec = pr_suppress__find_ci(c, len, "nosec");
  if (nosec) {
    const char *b = nosec;
    while (b > c && (b[-1] == ' ' || b[-1] == '\t')) b--;
    if (b > c && b[-1] == '#') {
      pr_suppression *sup = pr_suppress__new(s, row);
      if (!sup) return;
      sup->nosec = true;
      sup->next = s->head;
      s->head = sup;
      s->count++;
    }
  }
  const char *pr = pr_suppress__find_ci(c, len, "pyreview:");
  while (pr) {
    const char *a = pr + 9;
    while (a < end && *a == ' ') a++;
    bool file = false;
    if ((size_t)(end - a) >= 12 && strncmp(a, "ignore-file[", 12) == 0) { file = true; a += 12; }
    else if ((size_t)(end - a) >= 7 && strncmp(a, "ignore[", 7) == 0) a += 7;
    else break;
    if (file && row >= 10) break;  /* only the first 10 lines may carry file-level suppressions */
    pr_suppression *sup = pr_suppress__new(s, row);
    if (!sup) return;
    const char *stop = pr_suppress__items(s, sup, a, (size_t)(end - a), true, at + (uint32_t)(a - c));
    const char *b = pr;
    while (b > c && (b[-1] == ' ' || b[-1] == '\t')) b--;
    bool hash = b > c && b[-1] == '#';
    sup->start = at + (uint32_t)((hash ? b - 1 : pr) - c);
    sup->end = at + (uint32_t)(stop - c);
    sup->whole_comment = hash && b - 1 == c && pr_suppress__rest_blank(stop, end);
    sup->pyreview = true;
    sup->file_level = file;
    if (file) { sup->next = s->file_head; s->file_head = sup; }
    else { sup->next = s->head; s->head = sup; s->count++; }
    pr = pr_suppress__find_ci(a, (size_t)(end - a), "pyreview:");
  }
}

/* True when the directive covers the rule; marks what covers it used. */
static bool pr_suppress__covers(const pr_suppression *sup, const pr_rule *rule) {
  pr_suppression *m = (pr_suppression *)sup;  /* the usage marks are the only thing matching changes */
  if (sup->all) return m->used = true;
  if (sup->nosec) return strncmp(rule->code, "SEC", 3) == 0 && (m->used = true);
  bool any = false;
  for (uint32_t i = 0; i < sup->item_count; i++)
    if (pr_item_matches(sup->items[i], strlen(sup->items[i]), rule)) any = m->item_used[i] = true;
  if (any) m->used = true;
  return any;
}

static int pr_suppress__by_row(const void *a, const void *b) {
  uint32_t x = (*(pr_suppression *const *)a)->row, y = (*(pr_suppression *const *)b)->row;
  return (x > y) - (x < y);
}

void pr_suppressions_finish(pr_suppressions *s) {
  s->by_row = s->count ? pr_arena_alloc(s->arena, s->count * sizeof *s->by_row) : NULL;
  if (!s->by_row) { s->count = 0; return; }  /* out of memory: match falls back to the list */
  uint32_t i = s->count;
  bool sorted = true;
  for (pr_suppression *sup = s->head; sup && i; sup = sup->next) {
    s->by_row[--i] = sup;  /* newest first */
    if (i + 1 < s->count && s->by_row[i + 1]->row < sup->row) sorted = false;
  }
  /* comments of reused segments (incremental.h) come after the walk's */
  if (!sorted) qsort(s->by_row, s->count, sizeof *s->by_row, pr_suppress__by_row);
}

/* True when a suppression on `row` covers the rule (each one that does is marked used). */
static bool pr_suppress__on_row(const pr_suppressions *s, const pr_rule *rule, uint32_t row) {
  bool any = false;
  if (!s->by_row) {
    for (const pr_suppression *sup = s->head; sup; sup = sup->next)
      if (sup->row == row && pr_suppress__covers(sup, rule)) any = true;
    return any;
  }
  uint32_t lo = 0, hi = s->count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (s->by_row[mid]->row < row) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < s->count && s->by_row[lo]->row == row; lo++)
    if (pr_suppress__covers(s->by_row[lo], rule)) any = true;
  return any;
}

bool pr_suppressions_match(const pr_suppressions *s, const pr_rule *rule, uint32_t row, uint32_t stmt_first,
                           uint32_t stmt_last) {
  bool any = false;
  for (const pr_suppression *sup = s->file_head; sup; sup = sup->next)
    if (pr_suppress__covers(sup, rule)) any = true;
  if (pr_suppress__on_row(s, rule, row)) any = true;
  if (stmt_first != row && pr_suppress__on_row(s, rule, stmt_first)) any = true;
  if (stmt_last != row && stmt_last != stmt_first && pr_suppress__on_row(s, rule, stmt_last)) any = true;
  return any;
}

static bool pr_suppress__names(const pr_suppression *sup, const pr_rule *rule) {
  bool any = false;
  for (uint32_t i = 0; i < sup->item_count; i++)
    if (pr_item_matches(sup->items[i], strlen(sup->items[i]), rule)) any = ((pr_suppression *)sup)->item_used[i] = true;
  return any;
}

bool pr_suppressions_name(const pr_suppressions *s, const pr_rule *rule, uint32_t row) {
  bool any = false;
  for (const pr_suppression *sup = s->file_head; sup; sup = sup->next) any |= pr_suppress__names(sup, rule);
  for (const pr_suppression *sup = s->head; sup; sup = sup->next)
    if (sup->row == row && !sup->nosec) any |= pr_suppress__names(sup, rule);
  return any;
}

static void pr_suppress__unused_of(const pr_suppression *sup, void (*fn)(void *, const pr_unused_suppression *),
                                   void *arg) {
  if (sup->nosec) return;
  if (sup->all) {
    if (!sup->used) fn(arg, &(pr_unused_suppression){sup, UINT32_MAX});
    return;
  }
  for (uint32_t i = 0; i < sup->item_count; i++)
    if (!sup->item_used[i]) fn(arg, &(pr_unused_suppression){sup, i});
}

void pr_suppressions_each_unused(const pr_suppressions *s, void (*fn)(void *arg, const pr_unused_suppression *u),
                                 void *arg) {
  for (const pr_suppression *sup = s->head; sup; sup = sup->next) pr_suppress__unused_of(sup, fn, arg);
  for (const pr_suppression *sup = s->file_head; sup; sup = sup->next) pr_suppress__unused_of(sup, fn, arg);
}

bool pr_suppression_edit(const char *text, uint32_t len, const pr_line_index *lines, uint32_t row, const char *code,
                         uint32_t *at, char *insert, size_t cap) {
  if (row >= lines->count) return false;
  uint32_t start = lines->starts[row], end = pr_line_index_row_end(lines, text, len, row);
  const char *line = text + start;
  uint32_t n = end - start;
  size_t code_len = strlen(code);
  /* a `# noqa` already there: extend its list, or nothing to do */
  for (const char *p = pr_suppress__find_ci(line, n, "noqa"); p; p = pr_suppress__find_ci(p + 4, n - (uint32_t)(p + 4 - line), "noqa")) {
    const char *b = p;
    while (b > line && (b[-1] == ' ' || b[-1] == '\t')) b--;
    if (b == line || b[-1] != '#') continue;
    const char *q = p + 4, *e = line + n;
    if (q >= e || *q != ':') return false;  /* `# noqa` suppresses everything already */
    q++;
    const char *last = NULL;
    for (;;) {
      while (q < e && (*q == ' ' || *q == '\t')) q++;
      const char *w = q;
      while (q < e && (isalnum((unsigned char)*q) || *q == '_' || *q == '-')) q++;
      if (q == w || !pr_suppress__is_item(w, (size_t)(q - w))) break;
      if ((size_t)(q - w) == code_len && !strncasecmp(w, code, code_len)) return false;
      last = q;
      const char *c = q;
      while (c < e && (*c == ' ' || *c == '\t')) c++;
      if (c < e && *c == ',') q = c + 1;
      else break;
    }
    if (!last) break;
    if ((size_t)snprintf(insert, cap, ", %s", code) >= cap) return false;
    *at = (uint32_t)(last - text);
    return true;
  }
  uint32_t e = end;
  while (e > start && (text[e - 1] == ' ' || text[e - 1] == '\t')) e--;
  if ((size_t)snprintf(insert, cap, "%s# noqa: %s", e > start ? "  " : "", code) >= cap) return false;
  *at = e;
  return true;
}
