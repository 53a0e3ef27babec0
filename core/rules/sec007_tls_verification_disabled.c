/* SEC007 tls-verification-disabled: HTTPS or TLS without certificate or host name checks.
 *
 * ## What it does
 * Flags:
 * - `verify=False` in a call of a `requests` or `httpx` function or
 *   constructor (`requests.get`, `httpx.Client`, ...), or of a method named
 *   `get`, `post`, `put`, `patch`, `delete`, `head`, `options`, `request`,
 *   `send` or `stream` on any receiver (`self.session.get(url, verify=False)`);
 * - `s.verify = False` where `s` was assigned `requests.Session()` (or
 *   `httpx.Client()`) in the same scope, by assignment or `with ... as s`;
 *   `s` may be an attribute chain assigned in the same function
 *   (`self.session = requests.Session()` ... `self.session.verify = False`);
 * - `ssl._create_unverified_context()`;
 * - any reference to `ssl.CERT_NONE` (as `ssl.CERT_NONE` under any import
 *   name, or the bare name after `from ssl import CERT_NONE`; never the import
 *   itself; a comparison such as `ctx.verify_mode == ssl.CERT_NONE` is a
 *   reference too);
 * - `x.check_hostname = False`, on any receiver.
 *
 * ## Why is this bad?
 * Without certificate verification anyone on the network path can present
 * their own certificate and read or change the traffic, credentials included
 * (CWE-295). Without the host name check, any valid certificate for any site
 * is accepted.
 *
 * ## Example
 * ```python
 * import requests
 *
 * def fetch(url):
 *     return requests.get(url, verify=False, timeout=10)
 * ```
 *
 * ## Use instead
 * Keep verification on; for a private CA, point `verify` at its bundle:
 * ```python
 * import requests
 *
 * def fetch(url):
 *     return requests.get(url, verify="/etc/ssl/certs/internal-ca.pem", timeout=10)
 * ```
 */
#include "boundcall.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

static const char *const sec007_methods[] = {"get", "post", "put", "patch", "delete", "head", "options",
                                             "request", "send", "stream", NULL};

static const char *const sec007_sessions[] = {"requests.Session", "requests.session", "requests.sessions.Session",
                                              "httpx.Client", "httpx.AsyncClient", NULL};

static bool sec007_is_false(TSNode value) { return pr_node_kind(pr_unparenthesize(value)) == pr_kind_false; }

static void sec007_call(pr_ctx *ctx, TSNode call) {
  char q[128];
  uint32_t ql = pr_call_qualified_name(ctx, call, q, sizeof q);
  if (ql && !strcmp(q, "ssl._create_unverified_context")) {
    pr_report(ctx, call,
              "`ssl._create_unverified_context()` turns off certificate and host name verification: use "
              "`ssl.create_default_context()`");
    return;
  }
  TSNode verify = pr_call_keyword(ctx, call, "verify");
  if (ts_node_is_null(verify) || !sec007_is_false(verify)) return;
  bool http = ql && (!strncmp(q, "requests.", 9) || !strncmp(q, "httpx.", 6));
  if (!http && !ts_node_is_null(pr_callee_receiver(call))) {
    TSNode name = pr_callee_name(call);
    for (int i = 0; sec007_methods[i] && !http; i++) http = pr_text_is(ctx, name, sec007_methods[i]);
  }
  if (!http) return;
  pr_report(ctx, call,
            "`verify=False` turns off TLS certificate verification: keep the default, or pass the path of "
            "the CA bundle to trust");
}

/* This rule's per-file state: the text gate, and the attribute chains assigned
 * so far (`self.session = requests.Session()`), newest first. Assignments are
 * dispatched in document order, so the list holds exactly those above the
 * statement being judged. */
typedef struct sec007_chain {
  struct sec007_chain *next;
  TSNode target;             /* the attribute chain assigned */
  uint32_t scope;
  int session;               /* index in sec007_sessions, or -1 for any other value */
} sec007_chain;

typedef struct sec007_state {
  uint8_t gate;              /* pr_text_mentions' cache */
  sec007_chain *chains;
} sec007_state;

static sec007_state *sec007_get_state(pr_ctx *ctx) {
  return ctx->state ? ctx->state : pr_rule_state(ctx, sizeof(sec007_state));
}

/* An attribute chain of names: `self.session`, `a.b.c`. */
static bool sec007_is_chain(TSNode e) {
  e = pr_unparenthesize(e);
  while (pr_node_kind(e) == pr_kind_attribute) e = pr_unparenthesize(pr_child(e, pr_field_object));
  return pr_node_kind(e) == pr_kind_identifier;
}

/* Two attribute chains with the same names in the same order. */
static bool sec007_same_chain(const pr_ctx *ctx, TSNode a, TSNode b) {
  for (;;) {
    a = pr_unparenthesize(a);
    b = pr_unparenthesize(b);
    pr_kind k = pr_node_kind(a);
    if (k != pr_node_kind(b)) return false;
    TSNode pa = k == pr_kind_attribute ? pr_child(a, pr_field_attribute) : a;
    TSNode pb = k == pr_kind_attribute ? pr_child(b, pr_field_attribute) : b;
    if (k != pr_kind_attribute && k != pr_kind_identifier) return false;
    uint32_t la, lb;
    const char *ta = pr_text(ctx, pa, &la), *tb = pr_text(ctx, pb, &lb);
    if (la != lb || memcmp(ta, tb, la)) return false;
    if (k == pr_kind_identifier) return true;
    a = pr_child(a, pr_field_object);
    b = pr_child(b, pr_field_object);
  }
}

/* The session class an object was made from in this scope: a name bound to
 * `requests.Session()` (core/boundcall.h), or an attribute chain whose last
 * assignment above, in this scope, was one; -1 otherwise. */
static int sec007_session_of(pr_ctx *ctx, TSNode object) {
  object = pr_unparenthesize(object);
  int which = -1;
  if (pr_node_kind(object) == pr_kind_identifier) {
    if (ts_node_is_null(pr_bound_call(ctx, object, ctx->scope, sec007_sessions, &which))) return -1;
    return which;
  }
  if (pr_node_kind(object) != pr_kind_attribute || !sec007_is_chain(object)) return -1;
  sec007_state *st = sec007_get_state(ctx);
  for (sec007_chain *c = st ? st->chains : NULL; c; c = c->next)
    if (c->scope == ctx->scope && sec007_same_chain(ctx, c->target, object)) return c->session;
  return -1;
}

/* Remembers `a.b = value` for later `a.b.verify = False` statements. */
static void sec007_remember_chain(pr_ctx *ctx, TSNode left, TSNode right) {
  if (!sec007_is_chain(left)) return;
  sec007_state *st = sec007_get_state(ctx);
  sec007_chain *c = st ? pr_ctx_alloc(ctx, sizeof *c) : NULL;
  if (!c) return;
  while (pr_node_kind(right) == pr_kind_assignment) right = pr_child(right, pr_field_right);
  c->target = left;
  c->scope = ctx->scope;
  c->session = -1;
  if (!ts_node_is_null(right)) pr_bound_call(ctx, right, ctx->scope, sec007_sessions, &c->session);
  c->next = st->chains;
  st->chains = c;
}

static void sec007_assignment(pr_ctx *ctx, TSNode assign) {
  TSNode left = pr_unparenthesize(pr_child(assign, pr_field_left));
  if (pr_node_kind(left) != pr_kind_attribute) return;
  TSNode right = pr_child(assign, pr_field_right);
  if (!sec007_is_false(right)) {
    sec007_remember_chain(ctx, left, right);
    return;
  }
  TSNode attr = pr_child(left, pr_field_attribute);
  TSNode stmt = pr_node_kind(ctx->parent) == pr_kind_expression_statement ? ctx->parent : assign;
  if (pr_text_is(ctx, attr, "check_hostname")) {
    pr_report(ctx, stmt,
              "`check_hostname = False` accepts a valid certificate for any host: keep host name checking on");
    return;
  }
  if (!pr_text_is(ctx, attr, "verify")) return;
  int which = sec007_session_of(ctx, pr_child(left, pr_field_object));
  if (which < 0) return;
  pr_report(ctx, stmt,
            "`verify = False` on a `%s` turns off TLS certificate verification for every request it sends: "
            "keep the default, or set it to the path of the CA bundle to trust",
            sec007_sessions[which]);
}

#define SEC007_CERT_NONE_MESSAGE                                                                 \
  "`ssl.CERT_NONE` accepts any certificate: use `ssl.CERT_REQUIRED` (the default of "             \
  "`ssl.create_default_context()`)"

/* Skips spaces, line breaks, continuation backslashes and comments from i. */
static uint32_t sec007_skip_blank(const pr_ctx *ctx, uint32_t i) {
  while (i < ctx->len) {
    char c = ctx->text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\\' || c == '\f') {
      i++;
    } else if (c == '#') {
      while (i < ctx->len && ctx->text[i] != '\n' && ctx->text[i] != '\r') i++;
    } else {
      break;
    }
  }
  return i;
}

/* When the text after the identifier `ref` reads `.CERT_NONE` (spaces, line
 * breaks and comments allowed around the dot): the end of `CERT_NONE`, else 0. */
static uint32_t sec007_dot_cert_none(const pr_ctx *ctx, TSNode ref) {
  uint32_t i = sec007_skip_blank(ctx, ts_node_end_byte(ref));
  if (i >= ctx->len || ctx->text[i] != '.') return 0;
  i = sec007_skip_blank(ctx, i + 1);
  if (ctx->len - i < 9 || memcmp(ctx->text + i, "CERT_NONE", 9)) return 0;
  i += 9;
  if (i < ctx->len) {
    unsigned char c = (unsigned char)ctx->text[i];
    if (c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
      return 0;
  }
  return i;
}

/* References to `ssl.CERT_NONE`, found from the model's references rather than
 * by subscribing to every attribute: `ssl.CERT_NONE` (under any import name of
 * `ssl`, or `ssl` never bound: taken as written) and the bare name after
 * `from ssl import CERT_NONE` (never the import itself). */
static void sec007_file_end(pr_ctx *ctx) {
  static const char *const needle[] = {"CERT_NONE", NULL};
  if (!pr_text_mentions(ctx, NULL, needle)) return;
  const pr_model *m = ctx->model;
  for (uint32_t r = 0; r < m->reference_count; r++) {
    const pr_reference *ref = &m->references[r];
    uint32_t len;
    const char *name = pr_text(ctx, ref->node, &len);
    bool bare = len == 9 && !memcmp(name, "CERT_NONE", 9);
    uint32_t end = bare ? ts_node_end_byte(ref->node) : sec007_dot_cert_none(ctx, ref->node);
    if (!end) continue;
    uint32_t b = pr_model_resolve(m, ref->scope, name, len, ts_node_start_byte(ref->node));
    const pr_binding *bd = b == PR_NONE ? NULL : &m->bindings[b];
    bool import = bd && bd->kind == PR_BIND_IMPORT && bd->qualified;
    if (bare ? !(import && !strcmp(bd->qualified, "ssl.CERT_NONE"))
             : !(import ? !strcmp(bd->qualified, "ssl") : (!bd && len == 3 && !memcmp(name, "ssl", 3))))
      continue;
    pr_report_range(ctx, ref->node, ts_node_start_byte(ref->node), end, SEC007_CERT_NONE_MESSAGE);
  }
}

/* Every finding needs one of these in the file's text (names.h: pr_text_mentions). */
static const char *const sec007_needles[] = {"verify", "CERT_NONE", "_create_unverified_context", "check_hostname", NULL};

static bool sec007_relevant(pr_ctx *ctx) {
  sec007_state *st = sec007_get_state(ctx);
  return pr_text_mentions(ctx, st ? &st->gate : NULL, sec007_needles);
}

static void sec007_check(pr_ctx *ctx, TSNode node) {
  if (!sec007_relevant(ctx)) return;
  switch (pr_node_kind(node)) {
  case pr_kind_call: sec007_call(ctx, node); break;
  case pr_kind_assignment: sec007_assignment(ctx, node); break;
  default: break;
  }
}

const pr_rule pr_rule_sec007 = {
  .code = "SEC007",
  .name = "tls-verification-disabled",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 295,
  .tags = 0,
  .flags = 0,
  .summary = "TLS certificate or host name verification turned off",
  .doc = pr_doc_sec007,
  .kinds = {pr_kind_call, pr_kind_assignment},
  .on_node = sec007_check,
  .on_file_end = sec007_file_end,
};
