/* SEC013 bind-all-interfaces: a server listening on every network interface.
 *
 * ## What it does
 * Flags the string literal `"0.0.0.0"` or `"::"` given as:
 * - the value of a `host=` or `bind=` keyword argument (`app.run(host="0.0.0.0")`);
 * - the first argument of a `.run(...)` method call (`app.run("0.0.0.0", 8080)`);
 * - the first element of an address tuple that is the first argument of
 *   `.bind(...)` or of a constructor whose name ends in `Server`
 *   (`sock.bind(("0.0.0.0", 80))`, `HTTPServer(("::", 80), Handler)`).
 * Module constants and comparisons are not followed, and test code is not
 * checked.
 *
 * ## Why is this bad?
 * Binding to every interface exposes the service on all networks the host
 * is attached to, public ones included, often by accident: a development
 * server or an admin endpoint meant for localhost becomes reachable from
 * outside (CWE-605).
 *
 * ## Example
 * ```python
 * from http.server import HTTPServer, SimpleHTTPRequestHandler
 *
 * def serve_docs():
 *     HTTPServer(("0.0.0.0", 8000), SimpleHTTPRequestHandler).serve_forever()
 * ```
 *
 * ## Use instead
 * Bind to the loopback interface, or make the address configuration:
 * ```python
 * import os
 * from http.server import HTTPServer, SimpleHTTPRequestHandler
 *
 * def serve_docs():
 *     host = os.environ.get("DOCS_HOST", "127.0.0.1")
 *     HTTPServer((host, 8000), SimpleHTTPRequestHandler).serve_forever()
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

/* True for the string literal "0.0.0.0" or "::". */
static bool sec013_all_interfaces(const pr_ctx *ctx, TSNode node) {
  node = pr_unparenthesize(node);
  pr_kind k = pr_node_kind(node);
  if (k != pr_kind_string && k != pr_kind_concatenated_string) return false;
  char buf[16];
  bool whole;
  pr_string_text(ctx, node, buf, sizeof buf, &whole);
  return whole && (!strcmp(buf, "0.0.0.0") || !strcmp(buf, "::"));
}

static void sec013_report(pr_ctx *ctx, TSNode literal, const char *where) {
  char buf[16];
  pr_string_text(ctx, pr_unparenthesize(literal), buf, sizeof buf, NULL);
  pr_report(ctx, pr_unparenthesize(literal),
            "`%s` %s listens on every network interface: bind to `127.0.0.1` (or `::1`), or take the "
            "address from configuration",
            buf, where);
}

/* Every finding needs one of these in the file's text (names.h: pr_text_mentions). */
static const char *const sec013_needles[] = {"0.0.0.0", "\"::\"", "'::'", NULL};

static bool sec013_relevant(pr_ctx *ctx) {
  return pr_rule_mentions(ctx, sec013_needles);
}

static void sec013_check(pr_ctx *ctx, TSNode call) {
  if (!sec013_relevant(ctx)) return;
  /* the literal is one of the call's own arguments: most calls of a file
     that names the address somewhere are let go on their text */
  static const char *const addresses[] = {"0.0.0.0", "::", NULL};
  if (!pr_text_may_mention(ctx->text, ctx->len, ts_node_start_byte(call), ts_node_end_byte(call), addresses)) return;
  TSNode args = pr_child(call, pr_field_arguments);
  if (pr_node_kind(args) != pr_kind_argument_list) return;
  /* host= and bind= keywords, in any call */
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (pr_node_kind(a) != pr_kind_keyword_argument) continue;
    TSNode name = pr_child(a, pr_field_name);
    bool host = pr_text_is(ctx, name, "host");
    if (!host && !pr_text_is(ctx, name, "bind")) continue;
    TSNode v = pr_child(a, pr_field_value);
    if (sec013_all_interfaces(ctx, v)) sec013_report(ctx, v, host ? "as `host=`" : "as `bind=`");
  }
  TSNode callee = pr_callee_name(call);
  if (ts_node_is_null(callee)) return;
  bool method = !ts_node_is_null(pr_callee_receiver(call));
  TSNode first = pr_call_positional(call, 0);
  if (ts_node_is_null(first)) return;
  if (method && pr_text_is(ctx, callee, "run")) {
    if (sec013_all_interfaces(ctx, first)) sec013_report(ctx, first, "given to `.run()`");
    return;
  }
  uint32_t len;
  const char *s = pr_text(ctx, callee, &len);
  bool bind = method && pr_text_is(ctx, callee, "bind");
  bool server = len >= 6 && !memcmp(s + len - 6, "Server", 6);
  if (!bind && !server) return;
  first = pr_unparenthesize(first);
  if (pr_node_kind(first) != pr_kind_tuple || !ts_node_named_child_count(first)) return;
  TSNode host = ts_node_named_child(first, 0);
  if (sec013_all_interfaces(ctx, host))
    sec013_report(ctx, host, bind ? "in the address given to `.bind()`" : "in the server's address");
}

const pr_rule pr_rule_sec013 = {
  .code = "SEC013",
  .name = "bind-all-interfaces",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 605,
  .tags = 0,
  .flags = PR_RULE_NOT_IN_TESTS,
  .summary = "A server bound to every interface (0.0.0.0, ::)",
  .doc = pr_doc_sec013,
  .kinds = {pr_kind_call},
  .on_node = sec013_check,
};
