/* SEC010 request-without-timeout: an HTTP request that can wait forever.
 *
 * ## What it does
 * Flags calls of the `requests` module functions `get`, `post`, `put`,
 * `patch`, `delete`, `head`, `options` and `request` (also as
 * `requests.api.*`, any import form) without `timeout=` or with
 * `timeout=None`; and calls of the `httpx` module functions (`get`, `post`,
 * `put`, `patch`, `delete`, `head`, `options`, `request`, `stream`) and of
 * `httpx.Client(...)`/`httpx.AsyncClient(...)` with an explicit
 * `timeout=None` (httpx applies a 5-second default otherwise). A `**kwargs`
 * spread counts as possibly passing a timeout. Session and client methods
 * (`session.get(...)`) are not flagged.
 *
 * ## Why is this bad?
 * `requests` waits for a response for as long as the server keeps the
 * connection open. A slow or hostile server, or a lost packet, hangs the
 * worker, and enough of them exhaust the pool (CWE-400).
 *
 * ## Example
 * ```python
 * import requests
 *
 * def rates():
 *     return requests.get("https://api.example.com/rates").json()
 * ```
 *
 * ## Use instead
 * Always bound the wait (connect and read timeouts, in seconds):
 * ```python
 * import requests
 *
 * def rates():
 *     return requests.get("https://api.example.com/rates", timeout=(3.05, 27)).json()
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

static const char *const sec010_verbs[] = {"get", "post", "put", "patch", "delete", "head", "options",
                                           "request", NULL};
static const char *const sec010_httpx[] = {"get", "post", "put", "patch", "delete", "head", "options",
                                           "request", "stream", "Client", "AsyncClient", NULL};

static bool sec010_in(const char *name, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (!strcmp(name, list[i])) return true;
  return false;
}

/* Every finding needs one of these in the file's text (names.h: pr_text_mentions). */
static const char *const sec010_needles[] = {"requests", "httpx", NULL};

static bool sec010_relevant(pr_ctx *ctx) {
  return pr_rule_mentions(ctx, sec010_needles);
}

static void sec010_check(pr_ctx *ctx, TSNode call) {
  if (!sec010_relevant(ctx)) return;
  char q[64];
  if (!pr_call_qualified_name(ctx, call, q, sizeof q)) return;
  TSNode timeout = pr_call_keyword(ctx, call, "timeout");
  bool none = !ts_node_is_null(timeout) && pr_node_kind(pr_unparenthesize(timeout)) == pr_kind_none;
  if (!strncmp(q, "requests.", 9)) {
    const char *fn = q + 9;
    if (!strncmp(fn, "api.", 4)) fn += 4;
    if (!sec010_in(fn, sec010_verbs)) return;
    if (ts_node_is_null(timeout)) {
      if (pr_call_has_kwargs_splat(call)) return;
      pr_report(ctx, call,
                "`requests.%s` without `timeout=` can wait forever for the server: pass `timeout=` "
                "(seconds, or a (connect, read) pair)",
                fn);
    } else if (none) {
      pr_report(ctx, call,
                "`requests.%s` with `timeout=None` can wait forever for the server: pass a timeout in seconds",
                fn);
    }
    return;
  }
  if (!strncmp(q, "httpx.", 6) && sec010_in(q + 6, sec010_httpx) && none)
    pr_report(ctx, call,
              "`%s` with `timeout=None` turns off httpx's default timeout, so it can wait forever: pass a "
              "timeout in seconds or leave the default",
              q);
}

const pr_rule pr_rule_sec010 = {
  .code = "SEC010",
  .name = "request-without-timeout",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 400,
  .tags = 0,
  .flags = 0,
  .summary = "An HTTP request without a timeout (requests), or with timeout=None (httpx)",
  .doc = pr_doc_sec010,
  .kinds = {pr_kind_call},
  .on_node = sec010_check,
};
