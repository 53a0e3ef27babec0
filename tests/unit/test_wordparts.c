/* Unit tests: word parts of names (core/wordparts.c, catalog "Word parts"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "wordparts.h"

/* The parts of s joined with "|", lowercase as written. */
static const char *parts(const char *s) {
  static char out[256];
  pr_words w;
  pr_words_split(&w, s, (uint32_t)strlen(s));
  size_t o = 0;
  for (uint32_t i = 0; i < w.count; i++) {
    if (i) out[o++] = '|';
    memcpy(out + o, s + w.start[i], w.len[i]);
    o += w.len[i];
  }
  out[o] = 0;
  return out;
}

static bool match(const char *name, const char *keyword, unsigned flags) {
  pr_words w;
  pr_words_split(&w, name, (uint32_t)strlen(name));
  return pr_words_match(&w, keyword, flags);
}

static bool value_is_name(const char *name, const char *value) {
  pr_words w;
  pr_words_split(&w, name, (uint32_t)strlen(name));
  return pr_words_value_is_name(&w, value, (uint32_t)strlen(value));
}

static void test_split(void **state) {
  assert_string_equal(parts("userToken"), "user|Token");
  assert_string_equal(parts("PassWord"), "Pass|Word");
  assert_string_equal(parts("HTTPToken"), "HTTP|Token");
  assert_string_equal(parts("X-Auth-Secret"), "X|Auth|Secret");
  assert_string_equal(parts("__db.password__"), "db|password");
  assert_string_equal(parts("API_KEY"), "API|KEY");
  assert_string_equal(parts("password2 hash"), "password|2|hash");
  assert_string_equal(parts("cl\xc3\xa9_api_key"), "cl\xc3\xa9|api|key");
  assert_string_equal(parts(""), "");
  assert_string_equal(parts("___"), "");
}

static void test_match(void **state) {
  assert_true(match("PassWord", "password", PR_WORDS_ANYWHERE));
  assert_true(match("db_password", "password", PR_WORDS_ANYWHERE));
  assert_true(match("apiKey", "api_key", PR_WORDS_ANYWHERE));
  assert_true(match("APIKEY", "api_key", PR_WORDS_ANYWHERE));
  assert_true(match("stripe_api_key_live", "api_key", PR_WORDS_ANYWHERE));
  assert_false(match("passport", "password", PR_WORDS_ANYWHERE));
  assert_false(match("passwords", "password", PR_WORDS_ANYWHERE));
  /* the last part */
  assert_true(match("auth_token", "token", PR_WORDS_LAST));
  assert_true(match("HTTPToken", "token", PR_WORDS_LAST));
  assert_false(match("token_type", "token", PR_WORDS_LAST));
  assert_false(match("next_token_url", "token", PR_WORDS_LAST));
  assert_true(match("session_key", "key", PR_WORDS_LAST));
  assert_false(match("key_index", "key", PR_WORDS_LAST));
  assert_false(match("monkey", "key", PR_WORDS_LAST));
  assert_false(match("tokens", "token", PR_WORDS_LAST));
}

static void test_value_is_name(void **state) {
  assert_true(value_is_name("PASSWORD_FIELD", "password"));
  assert_true(value_is_name("PASSWORD_FIELD", "Password-Field"));
  assert_true(value_is_name("SECRET_KEY_NAME", "secret_key"));
  assert_true(value_is_name("apiKey", "APIKEY"));
  assert_false(value_is_name("PASSWORD_FIELD", "hunter2"));
  assert_false(value_is_name("PASSWORD", "pass word"));
  assert_false(value_is_name("PASSWORD", ""));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_split),
    cmocka_unit_test(test_match),
    cmocka_unit_test(test_value_is_name),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
