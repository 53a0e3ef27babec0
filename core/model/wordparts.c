/* wordparts.c - word parts of names; see wordparts.h. */
#include "wordparts.h"

#include <ctype.h>
#include <string.h>

static bool pr_words__sep(unsigned char c) { return c == '_' || c == '-' || c == '.' || c == ' ' || c == '\t'; }

uint32_t pr_words_split(pr_words *w, const char *text, uint32_t len) {
  w->text = text;
  w->count = 0;
  w->truncated = false;
  const unsigned char *s = (const unsigned char *)text;
  uint32_t i = 0;
  while (i < len) {
    while (i < len && pr_words__sep(s[i])) i++;
    if (i >= len) break;
    uint32_t b = i;
    /* a part: a run of digits, or letters (and other bytes) up to a case change */
    if (isdigit(s[i])) {
      while (i < len && isdigit(s[i])) i++;
    } else {
      bool upper_run = isupper(s[i]) != 0;
      i++;
      if (upper_run && i < len && isupper(s[i])) {
        /* an acronym: HTTPToken -> HTTP, Token (the last capital starts the next part) */
        while (i < len && isupper(s[i])) i++;
        if (i < len && islower(s[i])) i--;
      } else {
        while (i < len && !pr_words__sep(s[i]) && !isupper(s[i]) && !isdigit(s[i])) i++;
      }
    }
    if (w->count == PR_WORDS_MAX) { w->truncated = true; break; }
    w->start[w->count] = b;
    w->len[w->count] = i - b;
    w->count++;
  }
  return w->count;
}

/* Compares parts [first, last] joined with the keyword's letters (its `_` skipped).
 * Returns true on equality. */
static bool pr_words__run_is(const pr_words *w, uint32_t first, uint32_t last, const char *kw) {
  const char *k = kw;
  for (uint32_t p = first; p <= last; p++) {
    const char *s = w->text + w->start[p];
    for (uint32_t j = 0; j < w->len[p]; j++) {
      while (*k == '_') k++;
      if (!*k || tolower((unsigned char)s[j]) != (unsigned char)*k) return false;
      k++;
    }
  }
  while (*k == '_') k++;
  return *k == 0;
}

bool pr_words_match(const pr_words *w, const char *keyword, unsigned flags) {
  size_t klen = 0;
  for (const char *k = keyword; *k; k++) klen += *k != '_';
  if (!klen) return false;
  for (uint32_t first = 0; first < w->count; first++) {
    uint32_t total = 0;
    for (uint32_t last = first; last < w->count; last++) {
      total += w->len[last];
      if (total > klen) break;
      if (total < klen) continue;
      if ((flags & PR_WORDS_LAST) && (last + 1 != w->count || w->truncated)) break;
      if (pr_words__run_is(w, first, last, keyword)) return true;
      break;
    }
  }
  return false;
}

bool pr_words_match_any(const pr_words *w, const char *const *keywords, unsigned flags) {
  for (int i = 0; keywords[i]; i++)
    if (pr_words_match(w, keywords[i], flags)) return true;
  return false;
}

/* value with `_`/`-` dropped, lowercase, into buf; returns its length (0 when it does not fit) */
static uint32_t pr_words__fold(const char *s, uint32_t len, char *buf, uint32_t cap) {
  uint32_t o = 0;
  for (uint32_t i = 0; i < len; i++) {
    if (s[i] == '_' || s[i] == '-') continue;
    if (o + 1 >= cap) return 0;
    buf[o++] = (char)tolower((unsigned char)s[i]);
  }
  buf[o] = 0;
  return o;
}

bool pr_words_value_is_name(const pr_words *w, const char *value, uint32_t len) {
  char v[128];
  uint32_t vl = pr_words__fold(value, len, v, sizeof v);
  if (!vl || w->count == 0) return false;
  /* the whole name, separators other than _/- kept (`x.auth` is not `xauth`) */
  if (w->count) {
    uint32_t b = w->start[0], e = w->start[w->count - 1] + w->len[w->count - 1];
    char n[128];
    uint32_t nl = pr_words__fold(w->text + b, e - b, n, sizeof n);
    if (nl == vl && !memcmp(n, v, vl)) return true;
  }
  for (uint32_t first = 0; first < w->count; first++) {
    uint32_t total = 0;
    for (uint32_t last = first; last < w->count; last++) {
      total += w->len[last];
      if (total > vl) break;
      if (total == vl && pr_words__run_is(w, first, last, v)) return true;
    }
  }
  return false;
}
