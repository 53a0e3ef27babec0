/* Unit tests: LSP JSON to C values and back (lsp/protocol.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "protocol.h"
#include "syntax.h"

static void file_uris_become_decoded_paths(void **state) {
  char *p = pr_protocol_uri_to_path("file:///home/me/my%20project/caf%C3%A9.py");
  assert_string_equal(p, "/home/me/my project/caf\xc3\xa9.py");
  free(p);
  p = pr_protocol_uri_to_path("file://host/share/x.py");
  assert_string_equal(p, "/share/x.py");
  free(p);
  assert_null(pr_protocol_uri_to_path("untitled:Untitled-1"));
  assert_null(pr_protocol_uri_to_path("file:///a%00b.py"));  /* a NUL is no path */
}

static pr_client_caps caps_of(const char *json) {
  json_t *params = json_loads(json, 0, NULL);
  assert_non_null(params);
  pr_client_caps caps;
  const char *error = NULL;
  assert_true(pr_protocol_read_initialize(params, &caps, &error));
  json_decref(params);
  return caps;
}

static void encoding_negotiation_prefers_utf8_then_utf16(void **state) {
  pr_client_caps c = caps_of("{\"capabilities\": {\"general\": {\"positionEncodings\": [\"utf-16\", \"utf-8\"]}}}");
  assert_int_equal(c.encoding, PR_UNIT_UTF8);
  c = caps_of("{\"capabilities\": {}}");
  assert_int_equal(c.encoding, PR_UNIT_UTF16);
  c = caps_of("{\"capabilities\": {\"general\": {\"positionEncodings\": [\"utf-32\"]}}}");
  assert_int_equal(c.encoding, PR_UNIT_UTF32);
  c = caps_of("{\"capabilities\": {\"general\": {\"positionEncodings\": [\"utf-32\", \"utf-16\"]}}}");
  assert_int_equal(c.encoding, PR_UNIT_UTF16);
}

static void workspace_root_and_diagnostic_capabilities(void **state) {
  pr_client_caps c = caps_of(
    "{\"rootUri\": \"file:///ignored\", \"workspaceFolders\": [{\"uri\": \"file:///work/proj\", \"name\": \"p\"}],"
    " \"capabilities\": {\"textDocument\": {\"publishDiagnostics\": {\"relatedInformation\": true,"
    " \"tagSupport\": {\"valueSet\": [2]}, \"codeDescriptionSupport\": true}}}}");
  assert_string_equal(c.root_path, "/work/proj");
  assert_true(c.related_information);
  assert_false(c.tag_unnecessary);
  assert_true(c.tag_deprecated);
  assert_true(c.code_description);
  free(c.root_path);
}

static void non_object_params_are_refused(void **state) {
  json_t *params = json_integer(5);
  pr_client_caps caps;
  const char *error = NULL;
  assert_false(pr_protocol_read_initialize(params, &caps, &error));
  assert_non_null(error);
  json_decref(params);
}

static void did_change_reads_ranged_and_full_changes_and_rejects_bad_positions(void **state) {
  json_t *params = json_loads(
    "{\"textDocument\": {\"uri\": \"file:///a.py\", \"version\": 3}, \"contentChanges\": ["
    "{\"range\": {\"start\": {\"line\": 1, \"character\": 2}, \"end\": {\"line\": 1, \"character\": 4}}, \"text\": \"ab\"},"
    "{\"text\": \"whole\"}]}", 0, NULL);
  pr_did_change dc;
  const char *error = NULL;
  assert_true(pr_protocol_read_did_change(params, &dc, &error));
  assert_int_equal(dc.version, 3);
  assert_int_equal(dc.change_count, 2);
  assert_true(dc.changes[0].has_range);
  assert_int_equal(dc.changes[0].start.column, 2);
  assert_int_equal(dc.changes[0].end.column, 4);
  assert_false(dc.changes[1].has_range);
  assert_int_equal(dc.changes[1].len, 5);
  free(dc.changes);
  json_decref(params);
  params = json_loads("{\"textDocument\": {\"uri\": \"file:///a.py\", \"version\": 3}, \"contentChanges\": ["
                      "{\"range\": {\"start\": {\"line\": -1, \"character\": 0}, \"end\": {\"line\": 0, \"character\": 0}},"
                      " \"text\": \"\"}]}", 0, NULL);
  assert_false(pr_protocol_read_did_change(params, &dc, &error));
  assert_string_equal(error, "a content change has an invalid range");
  json_decref(params);
}

static void diagnostics_carry_the_negotiated_columns_and_the_cwe_link(void **state) {
  const char *text = "\"\"\"Doc.\"\"\"\ns = \"\xf0\x9f\x98\x80\"; eval(s + input())\n";
  TSParser *parser = pr_parser_new();
  pr_document *doc = pr_document_new(parser, text, (uint32_t)strlen(text), 9);
  pr_review review;
  pr_review_options opts = {.path = "x.py", .lines = pr_document_lines(doc)};
  assert_int_equal(pr_review_file(text, (uint32_t)strlen(text), pr_document_tree(doc), &opts, &review), PR_REVIEW_OK);
  pr_client_caps caps = {.encoding = PR_UNIT_UTF16};
  json_t *p = pr_protocol_diagnostics_new("file:///x.py", 9, doc, &review, &caps, NULL, NULL);
  json_t *d = json_array_get(json_object_get(p, "diagnostics"), 0);
  assert_int_equal(json_integer_value(json_object_get(p, "version")), 9);
  assert_string_equal(json_string_value(json_object_get(d, "code")), "SEC003");
  assert_string_equal(json_string_value(json_object_get(d, "source")), "pyreview");
  assert_int_equal(json_integer_value(json_object_get(d, "severity")), 1);
  assert_int_equal(json_integer_value(json_object_get(json_object_get(json_object_get(d, "range"), "start"), "character")), 10);
  assert_string_equal(json_string_value(json_object_get(json_object_get(d, "codeDescription"), "href")),
                      "https://cwe.mitre.org/data/definitions/95.html");
  json_decref(p);
  caps.encoding = PR_UNIT_UTF8;
  p = pr_protocol_diagnostics_new("file:///x.py", 9, doc, &review, &caps, NULL, NULL);
  d = json_array_get(json_object_get(p, "diagnostics"), 0);
  assert_int_equal(json_integer_value(json_object_get(json_object_get(json_object_get(d, "range"), "start"), "character")), 12);
  json_decref(p);
  pr_review_free(&review);
  pr_document_delete(doc);
  ts_parser_delete(parser);
}

/* Issue 6, defect 3: a long non-ASCII name gives a whole, valid message, and a
 * finding JSON cannot carry is reported to the caller, never skipped silently. */
static void long_non_ascii_messages_are_whole_and_unencodable_ones_are_counted(void **state) {
  char name[700] = "`v", text[1024] = "\"\"\"Doc.\"\"\"\ndef f():\n    ";
  for (int i = 0; i < 300; i++) strcat(name, "\xc3\xa9");
  strcat(text, name + 1);
  strcat(text, " = 1\n");
  strcat(name, "`");
  TSParser *parser = pr_parser_new();
  pr_document *doc = pr_document_new(parser, text, (uint32_t)strlen(text), 1);
  pr_review review;
  pr_review_options opts = {.path = "x.py", .lines = pr_document_lines(doc)};
  assert_int_equal(pr_review_file(text, (uint32_t)strlen(text), pr_document_tree(doc), &opts, &review), PR_REVIEW_OK);
  assert_int_equal(review.count, 1);
  pr_client_caps caps = {.encoding = PR_UNIT_UTF16};
  const pr_finding *bad = NULL;
  uint32_t dropped = 99;
  json_t *p = pr_protocol_diagnostics_new("file:///x.py", 1, doc, &review, &caps, &bad, &dropped);
  assert_int_equal(dropped, 0);
  json_t *d = json_array_get(json_object_get(p, "diagnostics"), 0);
  assert_non_null(d);
  const char *m = json_string_value(json_object_get(d, "message"));
  assert_non_null(strstr(m, name));  /* the whole name */
  json_decref(p);
  /* a message that is not UTF-8 (no rule makes one now) is counted and named */
  pr_finding *f = review.findings[0];
  const char *saved = f->message;
  f->message = "cut \xc3";
  p = pr_protocol_diagnostics_new("file:///x.py", 1, doc, &review, &caps, &bad, &dropped);
  assert_int_equal(dropped, 1);
  assert_ptr_equal(bad, f);
  assert_int_equal(json_array_size(json_object_get(p, "diagnostics")), 0);
  json_decref(p);
  f->message = saved;
  pr_review_free(&review);
  pr_document_delete(doc);
  ts_parser_delete(parser);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(file_uris_become_decoded_paths),
    cmocka_unit_test(encoding_negotiation_prefers_utf8_then_utf16),
    cmocka_unit_test(workspace_root_and_diagnostic_capabilities),
    cmocka_unit_test(non_object_params_are_refused),
    cmocka_unit_test(long_non_ascii_messages_are_whole_and_unencodable_ones_are_counted),
    cmocka_unit_test(did_change_reads_ranged_and_full_changes_and_rejects_bad_positions),
    cmocka_unit_test(diagnostics_carry_the_negotiated_columns_and_the_cwe_link),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
