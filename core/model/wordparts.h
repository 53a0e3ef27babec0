/* wordparts.h - the catalog's "Word parts" of a name (SEC005, SEC009, SEC019).
 *
 * A name, attribute, keyword or string dict key is split at `_`, `-`, `.`,
 * spaces and case changes (`userToken` -> user, token; `HTTPToken` -> http,
 * token; `"X-Auth-Secret"` -> x, auth, secret; `PassWord` -> pass, word), and
 * compared case-insensitively. Digits end a part too (`password2` ->
 * password, 2). A keyword matches one part, or a run of consecutive parts
 * whose concatenation equals it (`PassWord` matches "password"; `api_key`
 * and `apikey` match "api_key").
 *
 * Memory: a pr_words is a plain value (fixed arrays, no allocation) that
 * points into the text it was split from; nothing to free. The text must
 * outlive it. */
#ifndef PR_WORDPARTS_H
#define PR_WORDPARTS_H

#include <stdbool.h>
#include <stdint.h>

/* Parts kept per name; a longer name keeps its first PR_WORDS_MAX parts and
 * marks itself truncated (its last part is then unknown: PR_WORDS_LAST never matches). */
#define PR_WORDS_MAX 24

typedef struct pr_words {
  const char *text;             /* the split text (borrowed) */
  uint32_t count;               /* parts found (at most PR_WORDS_MAX) */
  bool truncated;               /* the name had more parts than PR_WORDS_MAX */
  uint32_t start[PR_WORDS_MAX]; /* byte offset of each part in text */
  uint32_t len[PR_WORDS_MAX];   /* byte length of each part */
} pr_words;

/* Splits text[0..len) into w. Returns w->count. */
uint32_t pr_words_split(pr_words *w, const char *text, uint32_t len);

enum pr_words_flags {
  PR_WORDS_ANYWHERE = 0,   /* the keyword may match any run of parts */
  PR_WORDS_LAST = 1u << 0, /* the run must end at the name's last part (`auth_token`, not `token_type`) */
};

/* True when `keyword` (lowercase; its words separated by `_`, e.g. "api_key")
 * matches a run of consecutive parts of w, case-insensitively, the joined
 * spelling included ("apikey" as one part). */
bool pr_words_match(const pr_words *w, const char *keyword, unsigned flags);

/* True when some keyword of the NULL-terminated list matches (see above). */
bool pr_words_match_any(const pr_words *w, const char *const *keywords, unsigned flags);

/* True when value[0..len), ignoring case and `_`/`-`, equals the whole name
 * or a run of consecutive parts of w (`"password"` for `PASSWORD_FIELD`). */
bool pr_words_value_is_name(const pr_words *w, const char *value, uint32_t len);

#endif
