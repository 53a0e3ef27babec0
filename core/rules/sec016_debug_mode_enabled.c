/* SEC016 debug-mode-enabled: a web application run or configured in debug mode.
 *
 * ## What it does
 * Flags a method named `run`, on any receiver, called with `debug=True`
 * (`app.run(debug=True)`, `socketio.run(app, debug=True)`; a plain function
 * `run(...)` is not flagged, nor `asyncio.run(main(), debug=True)`, whose
 * debug mode only adds checks and logs), and a module-level `DEBUG = True` in a file
 * named `settings*.py` or inside a `settings` folder (Django's settings).
 * Not in tests.
 *
 * ## Why is this bad?
 * Debug mode is for a developer's machine (CWE-489). Flask's and Werkzeug's
 * debugger lets anyone who reaches the page run Python code on the server;
 * Django's debug pages show settings, SQL queries and source code to every
 * visitor, and keep every query in memory.
 *
 * ## Example
 * ```python
 * # settings.py
 * DEBUG = True
 *
 * # app.py
 * app.run(host="127.0.0.1", debug=True)
 * ```
 *
 * ## Use instead
 * Read the switch from the environment, off by default:
 * ```python
 * # settings.py
 * DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
 *
 * # app.py
 * app.run(host="127.0.0.1", debug=os.environ.get("FLASK_DEBUG") == "1")
 * ```
 */
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

/* True when the file is named settings*.py or lies in a `settings` folder. */
static bool sec016_settings_path(const char *path) {
  const char *base = path;
  for (const char *p = path; *p; p++) {
    if (*p != '/' && *p != '\\') continue;
    size_t seg = (size_t)(p - base);
    if (seg == 8 && !memcmp(base, "settings", 8)) return true;
    base = p + 1;
  }
  size_t n = strlen(base);
  return n >= 11 && !memcmp(base, "settings", 8) && !strcmp(base + n - 3, ".py");
}

/* A `.run(..., debug=True)` call. */
static void sec016_call(pr_ctx *ctx, TSNode call) {
  TSNode fn = pr_unparenthesize(pr_child(call, pr_field_function));
  if (pr_node_kind(fn) != pr_kind_attribute || !pr_text_is(ctx, pr_child(fn, pr_field_attribute), "run")) return;
  TSNode debug = pr_unparenthesize(pr_call_keyword(ctx, call, "debug"));
  if (pr_node_kind(debug) != pr_kind_true) return;
  /* asyncio's debug mode only adds checks and logging; it serves nothing */
  static const char *const sec016_asyncio[] = {"asyncio.run", NULL};
  if (pr_call_matches(ctx, call, sec016_asyncio)) return;
  pr_report(ctx, call,
            "`run(debug=True)` starts the application in debug mode, where its debugger or error pages expose "
            "code and data; read the flag from the environment, off by default");
}

/* A module-level `DEBUG = True` (chained and annotated assignments included). */
static void sec016_statement(pr_ctx *ctx, TSNode stmt) {
  if (ctx->model->scopes[ctx->scope].kind != PR_SCOPE_MODULE) return;
  if (ts_node_named_child_count(stmt) != 1) return;
  TSNode a = ts_node_named_child(stmt, 0);
  if (pr_node_kind(a) != pr_kind_assignment) return;
  bool debug = false;
  TSNode value = a;
  while (pr_node_kind(value) == pr_kind_assignment) {
    TSNode left = pr_child(value, pr_field_left);
    if (pr_node_kind(left) == pr_kind_identifier && pr_text_is(ctx, left, "DEBUG")) debug = true;
    value = pr_child(value, pr_field_right);
  }
  if (!debug || pr_node_kind(pr_unparenthesize(value)) != pr_kind_true) return;
  if (!ctx->path || !sec016_settings_path(ctx->path)) return;
  pr_report(ctx, stmt,
            "`DEBUG = True` in a settings module shows debug pages (settings, SQL, source) to every visitor; "
            "read it from the environment, off by default");
}

/* Every finding needs `debug=` or `DEBUG =` in the text (names.h: pr_text_mentions). */
static const char *const sec016_needles[] = {"debug", "DEBUG", NULL};

static bool sec016_relevant(pr_ctx *ctx) {
  return pr_rule_mentions(ctx, sec016_needles);
}

static void sec016_check(pr_ctx *ctx, TSNode node) {
  if (!sec016_relevant(ctx)) return;
  if (pr_node_kind(node) == pr_kind_call) sec016_call(ctx, node);
  else sec016_statement(ctx, node);
}

const pr_rule pr_rule_sec016 = {
  .code = "SEC016",
  .name = "debug-mode-enabled",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 489,
  .flags = PR_RULE_NOT_IN_TESTS,
  .summary = "A web application run or configured in debug mode",
  .doc = pr_doc_sec016,
  .kinds = {pr_kind_call, pr_kind_expression_statement},
  .on_node = sec016_check,
};
