/* fuzz_config.c - libFuzzer target: configuration files (core/config/config.h, toml.h).
 *
 * The input is [mode][TOML bytes]: decoded with pr_toml_parse, then read as a
 * configuration (mode bit 0: as a pyproject.toml). Checked on every call:
 *   - pr_toml_parse either gives a table or an error with a 1-based place
 *     inside the text (or none, for out of memory) and a one-line message;
 *   - every configuration message is one line of valid UTF-8 starting with
 *     the file's name;
 *   - the thresholds stay in range and rule selection works on the result. */
#include "config.h"
#include "toml.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"

static void pr_fuzz_check_line(const char *s) {
  size_t i = 0;
  while (s[i]) {
    unsigned char c = (unsigned char)s[i];
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    PR_FUZZ_CHECK(n > 0);
    PR_FUZZ_CHECK(n > 1 || (c >= 0x20 && c != 0x7F));
    for (size_t k = 1; k < n; k++) PR_FUZZ_CHECK(((unsigned char)s[i + k] & 0xC0) == 0x80);
    i += n;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1 || size > (1 << 16)) return 0;
  unsigned mode = data[0];
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  pr_toml_doc doc;
  pr_toml_error err;
  if (pr_toml_parse(text, len, &doc, &err) == 0) {
    PR_FUZZ_CHECK(doc.root && doc.root->type == PR_TOML_TABLE);
    pr_toml_free(&doc);
  } else {
    PR_FUZZ_CHECK(!doc.root);
    PR_FUZZ_CHECK(err.message[0]);
    pr_fuzz_check_line(err.message);
    uint32_t lines = 1;
    for (size_t i = 0; i < len; i++) lines += text[i] == '\n';
    PR_FUZZ_CHECK(err.line <= lines);
  }
  pr_config *c = pr_config_parse(text, len, "f.toml", "/", mode & 1);
  if (!c) return 0;
  for (uint32_t i = 0; i < c->message_count; i++) {
    PR_FUZZ_CHECK(!strncmp(c->messages[i], "f.toml", 6));
    pr_fuzz_check_line(c->messages[i]);
  }
  const pr_thresholds *t = &c->thresholds;
  PR_FUZZ_CHECK(t->max_complexity >= 1 && t->max_nesting >= 1 && t->max_parameters >= 1 && t->max_statements >= 1 &&
                t->max_test_statements >= 1);
  pr_selection sel;
  char e[128];
  PR_FUZZ_CHECK(pr_config_rules(c, NULL, NULL, &sel, e, sizeof e) == 0);
  pr_config_free(c);
  return 0;
}
