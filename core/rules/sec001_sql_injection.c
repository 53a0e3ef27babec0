/* SEC001 sql-injection: SQL text built from non-literal parts reaching a query sink.
 *
 * ## What it does
 * Flags SQL text built from a non-literal part (catalog: Literal values) with
 * `%` formatting, `.format()` on a literal string, an f-string with a
 * replacement field, or `+`/`+=`, that reaches a sink:
 * - the first argument of a method `execute`, `executemany`,
 *   `executescript` or `raw` on any receiver, of `RawSQL(...)`,
 *   `sqlalchemy.text(...)`, `pandas.read_sql(...)` or
 *   `pandas.read_sql_query(...)`;
 * - the strings in `.extra()`'s `select`, `where`, `tables` and `order_by`.
 *
 * The SQL reaches the sink directly, or through a local name whose reaching
 * assignments include a built one. The literal text before the first
 * non-literal part must start, after whitespace and `(`, with SELECT,
 * INSERT, UPDATE, DELETE, WITH, REPLACE, MERGE, CREATE, DROP, ALTER,
 * TRUNCATE, PRAGMA, SET, SHOW, EXEC, EXECUTE, CALL, GRANT or REVOKE (any
 * case, as a whole word, a closed list), so prose that happens to reach such
 * a method is not flagged; `.extra()` fragments are exempt from this check.
 *
 * Parts that cannot inject count as literal, directly or through a name
 * bound once to them: a call whose last name part contains `quote` or
 * `escape` (`connection.ops.quote_name(t)`, `conn.escape_string(v)`,
 * `quote_ident(n, cur)`); a call of the builtins `int`, `float`, `len` or
 * `bool`; the argument of a `%d`, `%i`, `%u` or `%f` conversion (flags,
 * width and precision allowed; `%(id)d` included); a `str.join` on a literal
 * separator over placeholders only: `?`, `%s` or `:name`, alone or inside a
 * literal SQL function call (`QUOTE(?)`), in a list or tuple display, one
 * repeated (`["%s"] * n`, `"?" * len(ids)`) or a comprehension producing one
 * (`", ".join("?" for _ in rows)`). The arguments of `%` and `.format()` are
 * matched to the template's fields (by position in a tuple display, by key in
 * a dict display or keyword, the one argument otherwise), so a safe field
 * before a non-literal one does not hide it. When the template's text is not
 * known there (a local name assigned more than once, `q %= args`), every
 * argument must be safe, whatever its conversion.
 *
 * The message says what to do about the first non-literal part, by its
 * position: after FROM, JOIN, INTO, UPDATE, TABLE (the last word of the
 * literal text before it, any case), after a `.`, or inside `"..."` or
 * backtick quotes (an odd count of them before it) it is an identifier
 * ("identifiers cannot be parameters: quote it with the driver's identifier
 * quoting, or check it against a fixed list"); anywhere else a value ("pass
 * it as a query parameter").
 *
 * A replacement field, `%` argument or `.format()` argument that is itself a
 * literal (`f"SELECT * FROM {TABLE}"` with `TABLE = "users"`), and a
 * conditional expression choosing between two literals (directly or through
 * a name bound once to it), are literal parts; a field holding a literal
 * string adds its text (`f"{SELECT_USERS} WHERE name = '{name}'"`).
 * `.format()` on something other than a literal string or a local name (a
 * query-composition object such as `sql.SQL(...)`) is not a built string. A
 * local name that starts built text (`query % name`, `query + " LIMIT " + n`)
 * contributes the text of its reaching assignments.
 *
 * Reaching assignments are found without a control-flow graph: the bindings
 * of the name in its function that complete before the call are taken in
 * order; a plain assignment in a block that encloses the call (a `with`
 * body counts as enclosing) replaces the earlier ones, one in a branch (or a
 * loop body) is added to them, and `+=` extends every assignment reaching it.
 * A binding in a different branch of the same `if` or `match` as the call,
 * or followed by `return`/`raise` in a block that does not enclose the call,
 * does not reach it. Assignments after the call in a loop body (reaching it
 * on the next iteration) are not followed, nor names of other scopes
 * (module-level names used in a function, attributes), and only the last 256
 * bindings of a name before a call are looked at. A conditional expression
 * with a built branch (`"SELECT ..." + x if x else "SELECT 1"`) is not
 * followed into its branches.
 *
 * ## Why is this bad?
 * Text pasted into SQL is parsed as SQL: a value such as `' OR '1'='1` or
 * `1; DROP TABLE users` changes what the statement does, reads other rows or
 * destroys data (CWE-89). Escaping by hand misses cases; the database
 * driver's parameters never do.
 *
 * ## Example
 * ```python
 * def find_user(cursor, name):
 *     cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
 *     query = "SELECT * FROM orders WHERE 1 = 1"
 *     if name:
 *         query += " AND owner = '%s'" % name
 *     cursor.execute(query)
 * ```
 *
 * ## Use instead
 * Keep the SQL literal and pass the values as parameters:
 * ```python
 * def find_user(cursor, name):
 *     cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
 *     query = "SELECT * FROM orders WHERE 1 = 1"
 *     params = []
 *     if name:
 *         query += " AND owner = %s"
 *         params.append(name)
 *     cursor.execute(query, params)
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define SEC001_PREFIX_CAP 24    /* text kept after the leading whitespace: longer than any keyword */
#define SEC001_TAIL_CAP 48      /* text kept before the first non-literal part: its position */
#define SEC001_MAX_FIELDS 64    /* fields of one template judged one by one */
#define SEC001_STACK 256        /* pending parts of one expression */
#define SEC001_NAME_DEPTH 8     /* literal names followed to their value */
#define SEC001_MAX_BASES 16     /* reaching assignments kept per name */
#define SEC001_MAX_EXTS 32      /* `+=` extensions kept per name */
#define SEC001_MAX_BINDINGS 256 /* bindings of a name before one use that are looked at (the last ones) */
#define SEC001_MAX_SCAN 4096    /* statements after a binding searched for return/raise */
#define SEC001_MAX_CLIMB 256    /* ancestors visited when placing a binding relative to the use */
#define SEC001_MAX_CALLEE_TEXT 40
#define SEC001_PARENT_CACHE 1024  /* entries (48 KB); a power of two */

/* How the SQL text was built, for the message. */
typedef enum sec001_form {
  SEC001_FORM_NONE,
  SEC001_FORM_FSTRING,
  SEC001_FORM_PERCENT,
  SEC001_FORM_FORMAT,
  SEC001_FORM_CONCAT,
  SEC001_FORM_AUGMENT,
} sec001_form;

static const char *const sec001_form_names[] = {
  "string building", "an f-string", "`%` formatting", "`.format()`", "`+` concatenation", "`+=`",
};

/* The start of a built string: the literal text before its first non-literal
 * part (leading whitespace and `(` dropped), and whether it has one. */
typedef struct sec001_text {
  char buf[SEC001_PREFIX_CAP];
  uint32_t len;
  bool stopped;      /* a non-literal part, or a literal of unknown text, was reached: buf is final */
  bool hole;         /* some part is non-literal */
  bool ident;        /* the first non-literal part stands where SQL wants an identifier */
  sec001_form form;  /* the outermost way of building seen */
  /* the literal text before the first non-literal part: its last characters
   * (a part of unknown text is one \x01), and its `"` and backtick counts */
  char tail[SEC001_TAIL_CAP];
  uint32_t tail_len;
  uint32_t quotes, backticks;
} sec001_text;

/* The assignments of a local name that reach one use of it. */
typedef struct sec001_chain {
  uint32_t base;       /* the binding whose value starts the text */
  uint32_t ext_count;  /* the `+=` bindings exts[ext_count - 1] ... exts[0] extend it, in that order */
} sec001_chain;

typedef struct sec001_reach {
  sec001_chain chains[SEC001_MAX_BASES];
  uint32_t count;
  uint32_t exts[SEC001_MAX_EXTS];  /* the reaching `+=` bindings, the last one first */
  uint32_t ext_count;
} sec001_reach;

/* Where a binding stands relative to a later use of its name. */
typedef enum sec001_place {
  SEC001_NEVER,      /* cannot reach the use */
  SEC001_MAY,        /* reaches on some paths */
  SEC001_ALWAYS,     /* on every path to the use */
} sec001_place;

static void sec001_build(const pr_ctx *ctx, sec001_text *t, TSNode expr, int follow);

/* ---------- literal parts ---------- */

/* True when the string literal `s` (no fields) is a placeholder: `?`, `%s`,
 * `:name`, alone or as the one argument of a literal SQL function call
 * (`QUOTE(?)`), spaces around it ignored. */
static bool sec001_placeholder(const pr_ctx *ctx, TSNode s) {
  s = pr_unparenthesize(s);
  if (pr_node_kind(s) != pr_kind_string || pr_string_has_interpolation(s)) return false;
  char buf[64];
  uint32_t n = 0;
  uint32_t parts = ts_node_named_child_count(s);
  for (uint32_t i = 0; i < parts; i++) {
    TSNode part = ts_node_named_child(s, i);
    pr_kind k = pr_node_kind(part);
    if (k == pr_kind_string_start || k == pr_kind_string_end) continue;
    if (k != pr_kind_string_content) return false;
    uint32_t len;
    const char *t = pr_text(ctx, part, &len);
    if (n + len >= sizeof buf) return false;
    memcpy(buf + n, t, len);
    n += len;
  }
  uint32_t a = 0, b = n;
  while (a < b && buf[a] == ' ') a++;
  while (b > a && buf[b - 1] == ' ') b--;
  /* FUNC( placeholder ) */
  uint32_t f = a;
  while (f < b && ((buf[f] >= 'A' && buf[f] <= 'Z') || (buf[f] >= 'a' && buf[f] <= 'z') || buf[f] == '_' ||
                   (f > a && buf[f] >= '0' && buf[f] <= '9')))
    f++;
  if (f > a && f < b && buf[f] == '(' && buf[b - 1] == ')') {
    a = f + 1;
    b--;
    while (a < b && buf[a] == ' ') a++;
    while (b > a && buf[b - 1] == ' ') b--;
  }
  if (b - a == 1 && buf[a] == '?') return true;
  if (b - a == 2 && buf[a] == '%' && buf[a + 1] == 's') return true;
  if (b - a >= 2 && buf[a] == ':') {
    for (uint32_t i = a + 1; i < b; i++) {
      char c = buf[i];
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9'))) return false;
    }
    return true;
  }
  return false;
}

/* True when `e` iterates over placeholders only: a list or tuple display of
 * them, one repeated (`["%s"] * n`, `"?" * len(ids)`), a comprehension or
 * generator producing one (`"?" for _ in rows`), or a name bound once to one
 * of these. */
static bool sec001_placeholders(const pr_ctx *ctx, TSNode e) {
  for (int depth = 0; depth < SEC001_NAME_DEPTH; depth++) {
    e = pr_unparenthesize(e);
    switch (pr_node_kind(e)) {
    case pr_kind_string:
      return sec001_placeholder(ctx, e);
    case pr_kind_list:
    case pr_kind_tuple: {
      uint32_t n = ts_node_named_child_count(e), seen = 0;
      for (uint32_t i = 0; i < n; i++) {
        TSNode c = ts_node_named_child(e, i);
        if (pr_node_kind(c) == pr_kind_comment) continue;
        if (!sec001_placeholder(ctx, c)) return false;
        seen++;
      }
      return seen > 0;
    }
    case pr_kind_binary_operator: {
      if (!pr_text_is(ctx, pr_child(e, pr_field_operator), "*")) return false;
      TSNode l = pr_unparenthesize(pr_child(e, pr_field_left)), r = pr_unparenthesize(pr_child(e, pr_field_right));
      pr_kind lk = pr_node_kind(l);
      bool left_seq = lk == pr_kind_list || lk == pr_kind_tuple || lk == pr_kind_string;
      e = left_seq ? l : r;
      pr_kind ek = pr_node_kind(e);
      if (ek != pr_kind_list && ek != pr_kind_tuple && ek != pr_kind_string) return false;
      continue;
    }
    case pr_kind_generator_expression:
    case pr_kind_list_comprehension:
      return sec001_placeholder(ctx, pr_child(e, pr_field_body));
    case pr_kind_identifier:
      e = pr_single_assignment_value(ctx, e, ctx->scope);
      if (ts_node_is_null(e)) return false;
      continue;
    default:
      return false;
    }
  }
  return false;
}

/* A call that cannot inject (catalog, SEC001): its last name part contains
 * `quote` or `escape`; the builtins `int`, `float`, `len`, `bool`; a
 * `str.join` on a literal separator over placeholders only. */
static bool sec001_safe_call(const pr_ctx *ctx, TSNode call, uint32_t scope) {
  (void)scope;
  TSNode last = pr_callee_name(call);
  if (ts_node_is_null(last)) return false;
  uint32_t len;
  const char *name = pr_text(ctx, last, &len);
  for (uint32_t i = 0; i + 5 <= len; i++)
    if (!strncasecmp(name + i, "quote", 5) || (i + 6 <= len && !strncasecmp(name + i, "escape", 6))) return true;
  static const char *const numeric[] = {"int", "float", "len", "bool", "builtins.int", "builtins.float",
                                        "builtins.len", "builtins.bool", NULL};
  if (pr_node_kind(pr_unparenthesize(pr_child(call, pr_field_function))) == pr_kind_identifier &&
      pr_call_matches(ctx, call, numeric))
    return true;
  if (pr_text_is(ctx, last, "join")) {
    TSNode sep = pr_callee_receiver(call);
    TSNode args = pr_child(call, pr_field_arguments);
    TSNode arg = args;  /* ", ".join("?" for _ in rows): the generator is the argument list */
    if (pr_node_kind(args) != pr_kind_generator_expression) {
      if (ts_node_named_child_count(args) != 1) return false;
      arg = ts_node_named_child(args, 0);
    }
    if (ts_node_is_null(sep) || ts_node_is_null(arg)) return false;
    return pr_is_literal(ctx, sep, ctx->scope) && sec001_placeholders(ctx, arg);
  }
  return false;
}

/* True when a part cannot inject: a literal value (catalog: Literal values)
 * where the calls above count as literal operands, directly or through a
 * name bound once to them. */
static bool sec001_safe(const pr_ctx *ctx, TSNode e) {
  return pr_is_literal_accepting(ctx, e, ctx->scope, sec001_safe_call);
}

/* True when every argument of a `.format(...)` call is a literal value. */
static bool sec001_format_args_literal(const pr_ctx *ctx, TSNode call) {
  TSNode args = pr_child(call, pr_field_arguments);
  if (pr_node_kind(args) != pr_kind_argument_list) return false;
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    pr_kind k = pr_node_kind(a);
    if (k == pr_kind_comment) continue;
    if (k == pr_kind_list_splat || k == pr_kind_dictionary_splat) return false;
    if (k == pr_kind_keyword_argument) a = pr_child(a, pr_field_value);
    if (!sec001_safe(ctx, a)) return false;
  }
  return true;
}

/* The string literal a template expression stands for, following names bound
 * once to one; a null node when it is not a plain string literal. */
static TSNode sec001_template(const pr_ctx *ctx, TSNode e) {
  for (int i = 0; i < SEC001_NAME_DEPTH; i++) {
    e = pr_unparenthesize(e);
    pr_kind k = pr_node_kind(e);
    if (k == pr_kind_string || k == pr_kind_concatenated_string) return e;
    if (k != pr_kind_identifier || !pr_is_literal(ctx, e, ctx->scope)) return (TSNode){0};
    e = pr_single_assignment_value(ctx, e, ctx->scope);
    if (ts_node_is_null(e)) return e;
  }
  return (TSNode){0};
}

/* ---------- the text before the first non-literal part ---------- */

static void sec001_tail_push(sec001_text *t, char c) {
  if (t->hole) return;
  if (c == '"') t->quotes++;
  if (c == '`') t->backticks++;
  if (t->tail_len == SEC001_TAIL_CAP) {
    memmove(t->tail, t->tail + 1, SEC001_TAIL_CAP - 1);
    t->tail_len--;
  }
  t->tail[t->tail_len++] = c;
}

/* True when the tail ends where SQL wants an identifier: after FROM, JOIN,
 * INTO, UPDATE, TABLE or a `.`, or inside "..." or backtick quotes. */
static bool sec001_ident_position(const sec001_text *t) {
  static const char *const words[] = {"FROM", "JOIN", "INTO", "UPDATE", "TABLE", NULL};
  if (t->quotes % 2 || t->backticks % 2) return true;
  uint32_t end = t->tail_len;
  while (end > 0 && strchr(" \t\r\n\f\v", t->tail[end - 1])) end--;
  if (end == 0) return false;
  if (t->tail[end - 1] == '.') return true;
  uint32_t start = end;
  while (start > 0) {
    char c = t->tail[start - 1];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9'))) break;
    start--;
  }
  for (int i = 0; words[i]; i++)
    if (end - start == strlen(words[i]) && !strncasecmp(t->tail + start, words[i], end - start)) return true;
  return false;
}

/* A non-literal part: the text before it is final. */
static void sec001_hole(sec001_text *t) {
  t->stopped = true;
  if (t->hole) return;
  t->ident = sec001_ident_position(t);
  t->hole = true;
}

/* A literal part whose text is not known: the prefix ends there. */
static void sec001_opaque(sec001_text *t) {
  t->stopped = true;
  sec001_tail_push(t, '\x01');
}

static void sec001_stop(sec001_text *t, bool hole) {
  if (hole) sec001_hole(t);
  else sec001_opaque(t);
}

static void sec001_set_form(sec001_text *t, sec001_form form) {
  if (t->form == SEC001_FORM_NONE) t->form = form;
}

static void sec001_append(sec001_text *t, const char *s, uint32_t n) {
  if (t->hole) return;
  for (uint32_t i = 0; i < n; i++) sec001_tail_push(t, s[i]);
  for (uint32_t i = 0; i < n && !t->stopped; i++) {
    char c = s[i];
    if (t->len == 0) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '(') continue;
      if (c == '\\' && i + 1 < n && strchr("ntrfv\r\n", s[i + 1])) { i++; continue; }  /* also `\` newline */
    }
    if (t->len == SEC001_PREFIX_CAP) { t->stopped = true; return; }
    t->buf[t->len++] = c;
  }
}

/* Appends a string literal's text (templates of `%` and `.format()`: see
 * sec001_emit_template). Replacement fields of f-strings are parts: a literal
 * one adds its text or ends the known text, a non-literal one is a hole. */
static void sec001_emit_string(const pr_ctx *ctx, sec001_text *t, TSNode s) {
  pr_string_parts strings;
  TSNode part;
  for (pr_string_parts_start(&strings, s); pr_string_parts_next(&strings, &part);) {
    pr_kind k = pr_node_kind(part);
    if (k == pr_kind_interpolation) {
      sec001_set_form(t, SEC001_FORM_FSTRING);
      TSNode e = pr_child(part, pr_field_expression);
      bool literal = !ts_node_is_null(e) && sec001_safe(ctx, e);
      /* a field that is a plain literal string (or a name bound once to one),
       * without conversion, format spec or `=`, adds its text:
       * f"{SELECT_USERS} WHERE name = '{name}'" */
      TSNode value = literal && ts_node_named_child_count(part) == 1 && ts_node_child_count(part) == 3
                         ? sec001_template(ctx, e)
                         : (TSNode){0};
      if (!ts_node_is_null(value) && !pr_string_has_interpolation(value) && !t->hole)
        sec001_emit_string(ctx, t, value);
      else
        sec001_stop(t, !literal);
      continue;
    }
    if (k != pr_kind_string_content) continue;
    uint32_t len;
    const char *text = pr_text(ctx, part, &len);
    sec001_append(t, text, len);
  }
  pr_string_parts_end(&strings);
}

/* How the arguments of `%` or `.format()` fill a template's fields. */
typedef struct sec001_fill {
  char mode;        /* '%' or '{' */
  TSNode args;      /* '%': the right operand; '{': the .format() call */
  bool all_safe;    /* every argument is safe */
  uint32_t next;    /* the next automatic field number */
} sec001_fill;

/* The value of the tuple display's index-th element, or null. */
static TSNode sec001_nth(TSNode display, uint32_t index) {
  uint32_t n = ts_node_named_child_count(display), seen = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(display, i);
    pr_kind k = pr_node_kind(c);
    if (k == pr_kind_comment) continue;
    if (k == pr_kind_list_splat) return (TSNode){0};
    if (seen++ == index) return c;
  }
  return (TSNode){0};
}

/* True when the field numbered `index` (or named key[0..key_len)) of the
 * template is filled by a safe value: a `%d`/`%i`/`%u`/`%f` conversion
 * (`numeric`) always is. */
static bool sec001_field_safe(const pr_ctx *ctx, sec001_fill *f, const char *key, uint32_t key_len, bool numeric,
                              uint32_t index) {
  if (numeric || f->all_safe) return true;
  if (f->mode == '%') {
    TSNode r = pr_unparenthesize(f->args);
    pr_kind k = pr_node_kind(r);
    if (key && k == pr_kind_dictionary) {
      uint32_t n = ts_node_named_child_count(r);
      for (uint32_t i = 0; i < n; i++) {
        TSNode pair = ts_node_named_child(r, i);
        if (pr_node_kind(pair) != pr_kind_pair) continue;
        TSNode ks = pr_unparenthesize(pr_child(pair, pr_field_key));
        if (pr_node_kind(ks) != pr_kind_string || ts_node_named_child_count(ks) != 3) continue;
        TSNode content = ts_node_named_child(ks, 1);
        uint32_t clen;
        const char *ctext = pr_text(ctx, content, &clen);
        if (pr_node_kind(content) == pr_kind_string_content && clen == key_len && !memcmp(ctext, key, key_len))
          return sec001_safe(ctx, pr_child(pair, pr_field_value));
      }
      return false;
    }
    if (!key && k == pr_kind_tuple) {
      TSNode e = sec001_nth(r, index);
      return !ts_node_is_null(e) && sec001_safe(ctx, e);
    }
    return false;
  }
  TSNode call = f->args;
  TSNode e;
  if (key) {
    char name[64];
    if (key_len >= sizeof name) return false;
    memcpy(name, key, key_len);
    name[key_len] = 0;
    e = pr_call_keyword(ctx, call, name);
  } else {
    e = pr_call_positional(call, index);
  }
  return !ts_node_is_null(e) && sec001_safe(ctx, e);
}

/* Appends a `%` or `.format()` template's text up to its first field filled
 * by a non-literal value (a hole there); fields filled by safe values are
 * parts of unknown text. Replacement fields of an f-string template are
 * judged as in sec001_emit_string. */
static void sec001_emit_template(const pr_ctx *ctx, sec001_text *t, TSNode s, sec001_fill *f);

/* The name and its reaching assignments (see below), for a name that is the
 * first part of a built string: its text starts the string. */
static bool sec001_reaching(const pr_ctx *ctx, TSNode use, sec001_reach *r);
static void sec001_eval_chain(const pr_ctx *ctx, const sec001_reach *r, uint32_t chain, sec001_text *t, int follow);
static bool sec001_keyword(const sec001_text *t);

static void sec001_emit_template(const pr_ctx *ctx, sec001_text *t, TSNode s, sec001_fill *f) {
  uint32_t fields = 0;
  pr_string_parts strings;
  TSNode part;
  for (pr_string_parts_start(&strings, s); !t->hole && pr_string_parts_next(&strings, &part);) {
    pr_kind k = pr_node_kind(part);
    if (k == pr_kind_interpolation) {
      TSNode e = pr_child(part, pr_field_expression);
      sec001_stop(t, ts_node_is_null(e) || !sec001_safe(ctx, e));
      continue;
    }
    if (k != pr_kind_string_content) continue;
    uint32_t len;
    const char *text = pr_text(ctx, part, &len);
    uint32_t from = 0;
    for (uint32_t c = 0; c < len && !t->hole; c++) {
      char open = f->mode, close = f->mode == '{' ? '}' : 0;
      if (text[c] != open && (!close || text[c] != close)) continue;
      if (c + 1 < len && text[c + 1] == text[c]) {  /* %% {{ }}: one literal character */
        sec001_append(t, text + from, c + 1 - from);
        from = c + 2;
        c++;
        continue;
      }
      if (text[c] != open) continue;
      sec001_append(t, text + from, c - from);
      const char *key = NULL;
      uint32_t key_len = 0, e = c + 1;
      bool numeric = false, star = false;
      if (f->mode == '%') {
        if (e < len && text[e] == '(') {
          key = text + e + 1;
          while (e < len && text[e] != ')') e++;
          key_len = (uint32_t)(text + e - key);
          if (e < len) e++;
        }
        while (e < len && strchr("#0- +", text[e])) e++;
        while (e < len && ((text[e] >= '0' && text[e] <= '9') || text[e] == '*' || text[e] == '.')) {
          if (text[e] == '*') star = true;
          e++;
        }
        while (e < len && strchr("hlL", text[e])) e++;
        numeric = e < len && strchr("diuf", text[e]);
        if (e < len) e++;
      } else {
        /* {}, {0}, {name}, {name.attr}, {0[key]}, {x!r:>10} */
        uint32_t a = e;
        while (e < len && !strchr("}.[!:", text[e])) e++;
        if (e > a) {
          bool digits = true;
          for (uint32_t d = a; d < e; d++) digits &= text[d] >= '0' && text[d] <= '9';
          if (!digits) { key = text + a; key_len = e - a; }
          else {
            uint32_t v = 0;
            for (uint32_t d = a; d < e && v < 100000; d++) v = v * 10 + (uint32_t)(text[d] - '0');
            f->next = v;
          }
        }
        int depth = 1;
        while (e < len && depth) {
          if (text[e] == '{') depth++;
          else if (text[e] == '}') depth--;
          e++;
        }
      }
      uint32_t index = f->next++;
      if (star || ++fields > SEC001_MAX_FIELDS ? !f->all_safe : !sec001_field_safe(ctx, f, key, key_len, numeric, index)) {
        sec001_hole(t);
        break;
      }
      sec001_opaque(t);
      from = e;
      c = e - 1;
    }
    if (from < len) sec001_append(t, text + from, len - from);
  }
  pr_string_parts_end(&strings);
}

static void sec001_leading_name(const pr_ctx *ctx, sec001_text *t, TSNode name) {
  sec001_reach r;
  if (!sec001_reaching(ctx, name, &r)) { sec001_stop(t, true); return; }
  sec001_text best = {0};
  bool have = false;
  for (uint32_t i = 0; i < r.count; i++) {
    sec001_text c = {0};
    sec001_eval_chain(ctx, &r, i, &c, 0);
    if (!sec001_keyword(&c)) continue;
    if (!have || (c.hole && !best.hole)) best = c;
    have = true;
  }
  if (!have) { sec001_stop(t, true); return; }
  /* the name starts the string: its text is the prefix, its end the tail */
  memcpy(t->buf, best.buf, best.len);
  t->len = best.len;
  t->stopped = true;
  if (t->hole) return;
  t->quotes += best.quotes;
  t->backticks += best.backticks;
  for (uint32_t i = 0; i < best.tail_len; i++) {
    if (t->tail_len == SEC001_TAIL_CAP) {
      memmove(t->tail, t->tail + 1, SEC001_TAIL_CAP - 1);
      t->tail_len--;
    }
    t->tail[t->tail_len++] = best.tail[i];
  }
  if (best.hole) {
    t->hole = true;
    t->ident = best.ident;
  }
}

typedef struct sec001_item {
  TSNode node;
  uint8_t names;  /* literal names followed to reach this part */
  char hole;      /* not a part: '%' or '{' when the text before is a template whose arguments are not safe */
} sec001_item;

/* After a template of unknown fields (a local name) filled by unsafe
 * arguments: the hole is at its first field, when the tail shows one. */
static void sec001_hole_at_field(sec001_text *t, char mode) {
  for (uint32_t i = 0; i < t->tail_len; i++) {
    if (t->tail[i] != mode) continue;
    if (i + 1 < t->tail_len && t->tail[i + 1] == mode) { i++; continue; }
    t->tail_len = i;
    break;
  }
  sec001_hole(t);
}

/* Adds the parts of `expr` to `t`, in order. `follow` > 0 lets a non-literal
 * local name that starts the string contribute the text of its reaching
 * assignments. No recursion over the tree: an explicit stack of parts. */
static void sec001_build(const pr_ctx *ctx, sec001_text *t, TSNode expr, int follow) {
  sec001_item stack[SEC001_STACK];
  uint32_t top = 0;
  stack[top++] = (sec001_item){expr, 0, 0};
  while (top) {
    sec001_item it = stack[--top];
    if (it.hole) {
      sec001_hole_at_field(t, it.hole);
      continue;
    }
    TSNode n = pr_unparenthesize(it.node);
    if (top + 4 > SEC001_STACK) { sec001_stop(t, true); return; }
    switch (pr_node_kind(n)) {
    case pr_kind_string:
    case pr_kind_concatenated_string:
      sec001_emit_string(ctx, t, n);
      break;
    case pr_kind_binary_operator: {
      TSNode op = pr_child(n, pr_field_operator), left = pr_child(n, pr_field_left);
      TSNode right = pr_child(n, pr_field_right);
      if (pr_text_is(ctx, op, "+")) {
        sec001_set_form(t, SEC001_FORM_CONCAT);
        stack[top++] = (sec001_item){right, it.names, 0};
        stack[top++] = (sec001_item){left, it.names, 0};
      } else if (pr_text_is(ctx, op, "%")) {
        sec001_set_form(t, SEC001_FORM_PERCENT);
        sec001_fill fill = {'%', right, sec001_safe(ctx, right), 0};
        TSNode tpl = sec001_template(ctx, left);
        if (!ts_node_is_null(tpl)) {
          sec001_emit_template(ctx, t, tpl, &fill);
        } else if (pr_is_literal(ctx, left, ctx->scope)) {
          sec001_stop(t, !fill.all_safe);
        } else {
          if (!fill.all_safe) stack[top++] = (sec001_item){right, it.names, '%'};
          stack[top++] = (sec001_item){left, it.names, 0};
        }
      } else {
        sec001_stop(t, true);
      }
      break;
    }
    case pr_kind_call: {
      TSNode fn = pr_unparenthesize(pr_child(n, pr_field_function));
      if (sec001_safe_call(ctx, n, ctx->scope)) {
        sec001_opaque(t);
        break;
      }
      if (pr_node_kind(fn) != pr_kind_attribute || !pr_text_is(ctx, pr_child(fn, pr_field_attribute), "format")) {
        sec001_stop(t, true);
        break;
      }
      TSNode object = pr_child(fn, pr_field_object);
      bool args_literal = sec001_format_args_literal(ctx, n);
      sec001_fill fill = {'{', n, args_literal, 0};
      TSNode tpl = sec001_template(ctx, object);
      if (!ts_node_is_null(tpl)) {
        sec001_set_form(t, SEC001_FORM_FORMAT);
        sec001_emit_template(ctx, t, tpl, &fill);
      } else if (pr_is_literal(ctx, object, ctx->scope)) {
        sec001_set_form(t, SEC001_FORM_FORMAT);
        sec001_stop(t, !args_literal);
      } else {
        /* .format() on something that is not a literal string: a local name
         * holding SQL text, or a query-composition object (never SQL text) */
        TSNode o = pr_unparenthesize(object);
        if (pr_node_kind(o) == pr_kind_identifier) {
          sec001_set_form(t, SEC001_FORM_FORMAT);
          if (!args_literal) stack[top++] = (sec001_item){o, it.names, '{'};
          stack[top++] = (sec001_item){o, it.names, 0};
        } else {
          sec001_stop(t, true);
        }
      }
      break;
    }
    case pr_kind_identifier:
      if (pr_is_literal(ctx, n, ctx->scope)) {
        TSNode v = pr_single_assignment_value(ctx, n, ctx->scope);
        if (ts_node_is_null(v) || it.names >= SEC001_NAME_DEPTH) sec001_stop(t, false);
        else stack[top++] = (sec001_item){v, (uint8_t)(it.names + 1), 0};
      } else if (sec001_safe(ctx, n)) {
        sec001_stop(t, false);  /* a name bound once to a safe call */
      } else if (follow > 0 && !t->stopped && t->len == 0) {
        sec001_leading_name(ctx, t, n);
      } else {
        sec001_stop(t, true);
      }
      break;
    case pr_kind_conditional_expression:
      sec001_stop(t, !sec001_safe(ctx, n));
      break;
    case pr_kind_integer:
    case pr_kind_float:
    case pr_kind_true:
    case pr_kind_false:
    case pr_kind_none:
      sec001_stop(t, false);
      break;
    default:
      sec001_stop(t, true);
      break;
    }
  }
}

/* True when the text before the first non-literal part starts with an SQL keyword. */
static bool sec001_keyword(const sec001_text *t) {
  static const char *const keywords[] = {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH",    "REPLACE", "MERGE",
                                         "CREATE", "DROP",   "ALTER",  "TRUNCATE", "PRAGMA", "SET",     "SHOW",
                                         "EXEC",   "EXECUTE", "CALL",  "GRANT",    "REVOKE", NULL};
  for (int i = 0; keywords[i]; i++) {
    uint32_t k = (uint32_t)strlen(keywords[i]);
    if (t->len <= k || strncasecmp(t->buf, keywords[i], k)) continue;
    char c = t->buf[k];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
        (unsigned char)c >= 0x80)
      continue;
    return true;
  }
  return false;
}

/* A build form at the top of an expression (following parentheses), or NONE. */
static sec001_form sec001_top_form(const pr_ctx *ctx, TSNode e) {
  e = pr_unparenthesize(e);
  switch (pr_node_kind(e)) {
  case pr_kind_string:
  case pr_kind_concatenated_string:
    return pr_string_has_interpolation(e) ? SEC001_FORM_FSTRING : SEC001_FORM_NONE;
  case pr_kind_binary_operator: {
    TSNode op = pr_child(e, pr_field_operator);
    if (pr_text_is(ctx, op, "+")) return SEC001_FORM_CONCAT;
    if (pr_text_is(ctx, op, "%")) return SEC001_FORM_PERCENT;
    return SEC001_FORM_NONE;
  }
  case pr_kind_call: {
    TSNode fn = pr_unparenthesize(pr_child(e, pr_field_function));
    if (pr_node_kind(fn) != pr_kind_attribute || !pr_text_is(ctx, pr_child(fn, pr_field_attribute), "format"))
      return SEC001_FORM_NONE;
    TSNode o = pr_unparenthesize(pr_child(fn, pr_field_object));
    if (pr_node_kind(o) == pr_kind_identifier || !ts_node_is_null(sec001_template(ctx, o)) ||
        pr_is_literal(ctx, o, ctx->scope))
      return SEC001_FORM_FORMAT;
    return SEC001_FORM_NONE;
  }
  default:
    return SEC001_FORM_NONE;
  }
}

/* ---------- reaching assignments ---------- */

/* ts_node_parent searches down from the root, linear in the siblings on the
 * way: a long function makes it slow. Each file's parents are cached in a
 * small direct-mapped table (per-file state, allocated on the first sink). */
typedef struct sec001_parent_entry {
  const void *id;
  uint32_t start;
  TSNode parent;
} sec001_parent_entry;

typedef struct sec001_state {
  sec001_parent_entry *parents;  /* SEC001_PARENT_CACHE entries, or NULL */
  uint8_t gate;                  /* sec001_relevant: 0 not scanned, 1 relevant, 2 not */
  uint8_t modules;               /* sec001_modules: the same for sqlalchemy's and pandas' sinks */
} sec001_state;

static TSNode sec001_parent(const pr_ctx *ctx, TSNode node) {
  sec001_state *st = ctx->state;
  if (st && !st->parents && !ts_node_is_null(node))
    /* allocated when first needed: a review that never climbs (most) pays nothing */
    st->parents = pr_ctx_alloc((pr_ctx *)ctx, SEC001_PARENT_CACHE * sizeof *st->parents);
  if (!st || !st->parents || ts_node_is_null(node)) return ts_node_parent(node);
  uint32_t start = ts_node_start_byte(node);
  uint64_t h = ((uint64_t)(uintptr_t)node.id ^ ((uint64_t)start << 40)) * 0x9E3779B97F4A7C15ull;
  sec001_parent_entry *e = &st->parents[(h >> 40) & (SEC001_PARENT_CACHE - 1)];
  if (e->id == node.id && e->start == start) return e->parent;
  TSNode parent = ts_node_parent(node);
  *e = (sec001_parent_entry){node.id, start, parent};
  return parent;
}

static bool sec001_contains(TSNode node, uint32_t at) {
  return ts_node_start_byte(node) <= at && at < ts_node_end_byte(node);
}

static bool sec001_is_block(TSNode node) {
  pr_kind k = pr_node_kind(node);
  return k == pr_kind_block || k == pr_kind_module;
}

/* The statement holding a binding: its ancestor that sits directly in a block. */
static TSNode sec001_statement(const pr_ctx *ctx, TSNode node) {
  for (int i = 0; i < SEC001_MAX_CLIMB && !ts_node_is_null(node); i++) {
    TSNode parent = sec001_parent(ctx, node);
    if (ts_node_is_null(parent) || sec001_is_block(parent)) return node;
    node = parent;
  }
  return (TSNode){0};
}

/* True when a `return` or `raise` statement follows `node` directly in `block`.
 * A cursor, not ts_node_named_child(i), keeps long blocks linear. */
static bool sec001_terminated_after(TSNode block, TSNode node) {
  uint32_t after = ts_node_end_byte(node);
  TSTreeCursor cur = ts_tree_cursor_new(block);
  bool found = false;
  if (ts_tree_cursor_goto_first_child(&cur)) {
    uint32_t seen = 0;
    do {
      TSNode s = ts_tree_cursor_current_node(&cur);
      if (ts_node_start_byte(s) < after) continue;
      pr_kind k = pr_node_kind(s);
      if (k == pr_kind_return_statement || k == pr_kind_raise_statement) { found = true; break; }
    } while (++seen < SEC001_MAX_SCAN && ts_tree_cursor_goto_next_sibling(&cur));
  }
  ts_tree_cursor_delete(&cur);
  return found;
}

/* How a binding whose statement is `stmt` stands relative to a use at byte
 * `at` later in the same function: see the doc comment. `enclosing_only`
 * makes a statement that does not itself enclose the use (a loop that may run
 * zero times) reach it at most on some paths. */
static sec001_place sec001_place_of(const pr_ctx *ctx, TSNode stmt, uint32_t at, bool enclosing_only) {
  if (ts_node_is_null(stmt)) return SEC001_MAY;
  if (sec001_contains(stmt, at)) return SEC001_ALWAYS;  /* inside the for/with/except body */
  bool conditional = enclosing_only;
  TSNode node = stmt;
  for (int i = 0; i < SEC001_MAX_CLIMB; i++) {
    TSNode parent = sec001_parent(ctx, node);
    if (ts_node_is_null(parent)) return SEC001_MAY;
    pr_kind pk = pr_node_kind(parent);
    if (sec001_contains(parent, at)) {
      /* the nearest common ancestor: different branches of one if/match never meet */
      if (pk == pr_kind_if_statement || pk == pr_kind_match_statement) return SEC001_NEVER;
      if (pk == pr_kind_block && pr_node_kind(sec001_parent(ctx, parent)) == pr_kind_match_statement)
        return SEC001_NEVER;
      if (!sec001_is_block(parent)) conditional = true;
      return conditional ? SEC001_MAY : SEC001_ALWAYS;
    }
    if (sec001_is_block(parent)) {
      if (sec001_terminated_after(parent, node)) return SEC001_NEVER;
      if (pr_node_kind(sec001_parent(ctx, parent)) != pr_kind_with_statement) conditional = true;
    } else if (pk != pr_kind_with_statement) {
      conditional = true;
    }
    node = parent;
  }
  return SEC001_MAY;
}

/* The value a plain assignment binding gives its name, or a null node. */
static TSNode sec001_binding_value(const pr_binding *bd) {
  TSNode v = bd->value;
  for (int i = 0; i < 64 && pr_node_kind(v) == pr_kind_assignment; i++) v = pr_child(v, pr_field_right);
  if (pr_node_kind(v) == pr_kind_assignment) return (TSNode){0};
  return v;
}

/* True for an augmented assignment that appends to text (`+=`, and `%=`
 * whose placeholders lie after the text's start). */
static bool sec001_extends(const pr_ctx *ctx, const pr_binding *bd) {
  TSNode op = pr_child(bd->statement, pr_field_operator);
  return pr_text_is(ctx, op, "+=") || pr_text_is(ctx, op, "%=");
}

/* Finds the assignments of the local name `use` that reach it (see the doc
 * comment), walking its earlier bindings from the last one back to the first
 * that always reaches. False when the name is not a local of the function (or
 * module or class body) the rule runs in. */
static bool sec001_reaching(const pr_ctx *ctx, TSNode use, sec001_reach *r) {
  const pr_model *m = ctx->model;
  r->count = r->ext_count = 0;
  uint32_t len;
  const char *name = pr_text(ctx, use, &len);
  uint32_t at = ts_node_start_byte(use);
  uint32_t b = pr_model_resolve(m, ctx->scope, name, len, at);
  if (b == PR_NONE) return false;
  const pr_symbol *sym = &m->symbols[m->bindings[b].symbol];
  uint32_t fn = pr_model_function_of(m, ctx->scope);
  uint32_t home = fn != PR_NONE ? fn : ctx->scope;
  if (sym->scope != home) return false;
  /* the last SEC001_MAX_BINDINGS bindings that start before the use, in a ring */
  uint32_t ring[SEC001_MAX_BINDINGS];
  uint32_t seen = 0;
  for (b = sym->first; b != PR_NONE; b = m->bindings[b].next) {
    if (ts_node_start_byte(m->bindings[b].node) >= at) break;
    ring[seen++ % SEC001_MAX_BINDINGS] = b;
  }
  uint32_t kept = seen < SEC001_MAX_BINDINGS ? seen : SEC001_MAX_BINDINGS;
  for (uint32_t i = 0; i < kept; i++) {
    b = ring[(seen - 1 - i) % SEC001_MAX_BINDINGS];
    const pr_binding *bd = &m->bindings[b];
    pr_binding_kind k = bd->kind;
    if (k == PR_BIND_ANNOTATION || k == PR_BIND_GLOBAL || k == PR_BIND_NONLOCAL) continue;
    bool evaluated_first = k == PR_BIND_ASSIGN || k == PR_BIND_ANNASSIGN || k == PR_BIND_AUGASSIGN ||
                           k == PR_BIND_WALRUS;
    /* an assignment binds after its value is computed: `q = run(q)` reads the old q */
    if (evaluated_first && ts_node_end_byte(bd->statement) > at) continue;
    sec001_place place;
    if (k == PR_BIND_PARAMETER) {
      place = SEC001_ALWAYS;
    } else if (k == PR_BIND_EXCEPT) {
      /* bound inside its handler only (Python 3 unbinds it at the handler's end) */
      place = !ts_node_is_null(bd->statement) && sec001_contains(bd->statement, at) ? SEC001_ALWAYS : SEC001_MAY;
    } else {
      place = sec001_place_of(ctx, sec001_statement(ctx, bd->statement), at,
                              k == PR_BIND_WALRUS || k == PR_BIND_FOR || k == PR_BIND_MATCH);
    }
    if (place == SEC001_NEVER) continue;
    if (k == PR_BIND_AUGASSIGN && sec001_extends(ctx, bd)) {
      if (r->ext_count < SEC001_MAX_EXTS) r->exts[r->ext_count++] = b;
      continue;
    }
    if (k == PR_BIND_DELETE) {
      if (place == SEC001_ALWAYS) break;
      continue;
    }
    if (r->count < SEC001_MAX_BASES) r->chains[r->count++] = (sec001_chain){b, r->ext_count};
    if (place == SEC001_ALWAYS) break;  /* it replaces every earlier binding */
  }
  return true;
}

/* The text a reaching chain builds: its base value, then each `+=`. */
static void sec001_eval_chain(const pr_ctx *ctx, const sec001_reach *r, uint32_t chain, sec001_text *t,
                              int follow) {
  const pr_binding *base = &ctx->model->bindings[r->chains[chain].base];
  TSNode v = (base->kind == PR_BIND_ASSIGN || base->kind == PR_BIND_ANNASSIGN || base->kind == PR_BIND_WALRUS)
                 ? sec001_binding_value(base)
                 : (TSNode){0};
  if (ts_node_is_null(v)) sec001_stop(t, true);
  else sec001_build(ctx, t, v, follow);
  if (!t->hole) t->form = SEC001_FORM_NONE;  /* a literal base: the `+=` builds the text */
  for (uint32_t i = r->chains[chain].ext_count; i-- > 0;) {
    const pr_binding *ext = &ctx->model->bindings[r->exts[i]];
    TSNode right = pr_child(ext->statement, pr_field_right);
    if (pr_text_is(ctx, pr_child(ext->statement, pr_field_operator), "%=")) {
      /* `q %= args`: the arguments fill the text's placeholders */
      sec001_set_form(t, SEC001_FORM_PERCENT);
      if (!sec001_safe(ctx, right)) sec001_stop(t, true);
      continue;
    }
    sec001_set_form(t, SEC001_FORM_AUGMENT);
    sec001_build(ctx, t, right, follow);
  }
}

/* ---------- sinks ---------- */



/* The callee as written, or its last name part when long. */
static void sec001_callee_text(const pr_ctx *ctx, TSNode call, char *buf, size_t cap) {
  uint32_t len;
  const char *s = pr_text(ctx, pr_child(call, pr_field_function), &len);
  if (len == 0 || len > SEC001_MAX_CALLEE_TEXT || memchr(s, '\n', len) || memchr(s, '\r', len) ||
      memchr(s, '`', len)) {
    TSNode last = pr_callee_name(call);
    s = ts_node_is_null(last) ? "the query method" : pr_text(ctx, last, &len);
    if (ts_node_is_null(last)) len = (uint32_t)strlen(s);
  }
  snprintf(buf, cap, "%.*s", (int)len, s);
}

/* What to do about the first non-literal part, by its position. */
static const char *sec001_advice(const sec001_text *t) {
  return t->ident ? "a non-literal identifier; identifiers cannot be parameters: quote it with the driver's "
                    "identifier quoting, or check it against a fixed list"
                  : "a non-literal value: pass it as a query parameter";
}

/* Reports SQL text that reaches a sink through the local name `use`. `extra`
 * names the .extra() keyword (no keyword check), or is NULL. Returns true when
 * the name was a local one (reported or not). */
static bool sec001_check_name(pr_ctx *ctx, TSNode call, TSNode use, const char *extra) {
  sec001_reach r;
  if (!sec001_reaching(ctx, use, &r)) return false;
  pr_finding *f = NULL;
  uint32_t related[SEC001_MAX_BASES + SEC001_MAX_EXTS];
  uint32_t related_count = 0;
  for (uint32_t i = 0; i < r.count; i++) {
    sec001_text t = {0};
    sec001_eval_chain(ctx, &r, i, &t, 1);
    const pr_binding *base = &ctx->model->bindings[r.chains[i].base];
    bool extended = r.chains[i].ext_count > 0;
    bool flagged;
    if (extra) {
      TSNode v = (base->kind == PR_BIND_ASSIGN || base->kind == PR_BIND_ANNASSIGN ||
                  base->kind == PR_BIND_WALRUS)
                     ? sec001_binding_value(base)
                     : (TSNode){0};
      flagged = t.hole && (extended || (!ts_node_is_null(v) && sec001_top_form(ctx, v) != SEC001_FORM_NONE));
    } else {
      flagged = t.hole && sec001_keyword(&t);
    }
    if (!flagged) continue;
    if (!f) {
      uint32_t len;
      const char *name = pr_text(ctx, use, &len);
      char callee[64];
      sec001_callee_text(ctx, call, callee, sizeof callee);
      if (extra && t.ident)
        f = pr_report(ctx, use, "SQL fragment `%.*s` in `.extra(%s=...)` is built with %s from %s", (int)len, name,
                      extra, sec001_form_names[t.form], sec001_advice(&t));
      else if (extra)
        f = pr_report(ctx, use,
                      "SQL fragment `%.*s` in `.extra(%s=...)` is built with %s from a non-literal value: "
                      "pass it in `params`/`select_params`",
                      (int)len, name, extra, sec001_form_names[t.form]);
      else
        f = pr_report(ctx, use, "SQL in `%.*s` passed to `%s` is built with %s from %s", (int)len, name, callee,
                      sec001_form_names[t.form], sec001_advice(&t));
      if (!f) return true;
    }
    /* related: the base assignment and the extensions of this chain */
    uint32_t ids[1 + SEC001_MAX_EXTS];
    uint32_t n = 0;
    if (base->kind == PR_BIND_ASSIGN || base->kind == PR_BIND_ANNASSIGN || base->kind == PR_BIND_WALRUS ||
        base->kind == PR_BIND_AUGASSIGN)
      ids[n++] = r.chains[i].base;
    for (uint32_t j = r.chains[i].ext_count; j-- > 0;) ids[n++] = r.exts[j];
    for (uint32_t j = 0; j < n; j++) {
      bool dup = false;
      for (uint32_t k = 0; k < related_count && !dup; k++) dup = related[k] == ids[j];
      if (dup) continue;
      related[related_count++] = ids[j];
      const pr_binding *bd = &ctx->model->bindings[ids[j]];
      if (bd->kind == PR_BIND_AUGASSIGN)
        pr_finding_add_related(ctx, f, bd->statement, "the SQL text is extended here");
      else
        pr_finding_add_related(ctx, f, bd->statement, "the SQL text is assigned here");
    }
  }
  return true;
}

/* Checks one SQL argument of a sink. */
static void sec001_check_argument(pr_ctx *ctx, TSNode call, TSNode arg, const char *extra) {
  if (ts_node_is_null(arg)) return;
  pr_rule_state(ctx, sizeof(sec001_state));
  TSNode e = pr_unparenthesize(arg);
  if (pr_node_kind(e) == pr_kind_named_expression) e = pr_unparenthesize(pr_child(e, pr_field_value));
  if (pr_node_kind(e) == pr_kind_identifier) {
    sec001_check_name(ctx, call, e, extra);  /* names that are not local are not followed */
    return;
  }
  if (sec001_top_form(ctx, e) == SEC001_FORM_NONE) return;
  sec001_text t = {0};
  sec001_build(ctx, &t, e, 1);
  if (!t.hole) return;
  if (extra) {
    if (t.ident)
      pr_report(ctx, arg, "SQL fragment in `.extra(%s=...)` is built with %s from %s", extra,
                sec001_form_names[t.form], sec001_advice(&t));
    else
      pr_report(ctx, arg,
                "SQL fragment in `.extra(%s=...)` is built with %s from a non-literal value: pass it in "
                "`params`/`select_params`",
                extra, sec001_form_names[t.form]);
    return;
  }
  if (!sec001_keyword(&t)) return;
  char callee[64];
  sec001_callee_text(ctx, call, callee, sizeof callee);
  pr_report(ctx, arg, "SQL passed to `%s` is built with %s from %s", callee, sec001_form_names[t.form],
            sec001_advice(&t));
}

/* `.extra(select={...}, where=[...], tables=[...], order_by=[...])`. */
static void sec001_check_extra(pr_ctx *ctx, TSNode call) {
  static const char *const keys[] = {"select", "where", "tables", "order_by", NULL};
  for (int i = 0; keys[i]; i++) {
    TSNode v = pr_unparenthesize(pr_call_keyword(ctx, call, keys[i]));
    pr_kind k = pr_node_kind(v);
    if (ts_node_is_null(v)) continue;
    if (k != pr_kind_dictionary && k != pr_kind_list && k != pr_kind_tuple) continue;
    uint32_t n = ts_node_named_child_count(v);
    for (uint32_t j = 0; j < n; j++) {
      TSNode e = ts_node_named_child(v, j);
      pr_kind ek = pr_node_kind(e);
      if (ek == pr_kind_comment) continue;
      if (k == pr_kind_dictionary) {
        if (ek != pr_kind_pair) continue;
        e = pr_child(e, pr_field_value);
      }
      sec001_check_argument(ctx, call, e, keys[i]);
    }
  }
}

/* Every finding needs one of the sinks' names in the text: the methods
 * `execute`, `executemany`, `executescript`, `raw`, `extra` and `RawSQL` as
 * words (the call's own text names them: "executed" in a comment does not
 * count), or the modules `sqlalchemy` and pandas' `read_sql` (an alias is
 * imported by its name too). Scanned once per review, in the text it walks. */
static bool sec001_relevant(pr_ctx *ctx) {
  sec001_state *st = pr_rule_state(ctx, sizeof *st);
  if (!st) return true;
  if (!st->gate) {
    static const char *const words[] = {"execute", "executemany", "executescript", "raw", "extra", "RawSQL", NULL};
    static const char *const modules[] = {"sqlalchemy", "read_sql", NULL};
    bool found = false;
    for (int i = 0; words[i] && !found; i++) found = pr_walked_text_has(ctx, words[i], true);
    for (int i = 0; modules[i] && !found; i++) found = pr_walked_text_has(ctx, modules[i], false);
    st->gate = found ? 1 : 2;
  }
  return st->gate == 1;
}

/* True when the text names `sqlalchemy` or pandas' `read_sql`: only then can
 * a callee's qualified name be one of their sinks (an alias is imported by
 * its module's name), which costs a name resolution for every call. */
static bool sec001_modules(pr_ctx *ctx) {
  sec001_state *st = pr_rule_state(ctx, sizeof *st);
  if (!st) return true;
  if (!st->modules)
    st->modules = pr_walked_text_has(ctx, "sqlalchemy", false) || pr_walked_text_has(ctx, "read_sql", false) ? 1 : 2;
  return st->modules == 1;
}

static void sec001_check(pr_ctx *ctx, TSNode call) {
  if (!sec001_relevant(ctx)) return;
  static const char *const text_names[] = {"sqlalchemy.text", "sqlalchemy.sql.text",
                                            "sqlalchemy.sql.expression.text", NULL};
  static const char *const pandas_names[] = {"pandas.read_sql", "pandas.read_sql_query",
                                             "pandas.io.sql.read_sql", "pandas.io.sql.read_sql_query", NULL};
  TSNode name = pr_callee_name(call);
  if (ts_node_is_null(name)) return;
  /* the receiver only matters to the method sinks, which all start with `e` or `r` */
  uint32_t name_len;
  const char *name_text = pr_text(ctx, name, &name_len);
  bool method = name_len && (name_text[0] == 'e' || name_text[0] == 'r') && !ts_node_is_null(pr_callee_receiver(call));
  if (method) {
    if (pr_text_is(ctx, name, "execute") || pr_text_is(ctx, name, "executemany")) {
      TSNode arg = pr_call_positional(call, 0);
      if (ts_node_is_null(arg)) arg = pr_call_keyword(ctx, call, "sql");
      if (ts_node_is_null(arg)) arg = pr_call_keyword(ctx, call, "query");
      if (ts_node_is_null(arg)) arg = pr_call_keyword(ctx, call, "operation");
      sec001_check_argument(ctx, call, arg, NULL);
      return;
    }
    if (pr_text_is(ctx, name, "executescript")) {
      sec001_check_argument(ctx, call, pr_call_argument(ctx, call, 0, "sql_script"), NULL);
      return;
    }
    if (pr_text_is(ctx, name, "raw")) {
      sec001_check_argument(ctx, call, pr_call_argument(ctx, call, 0, "raw_query"), NULL);
      return;
    }
    if (pr_text_is(ctx, name, "extra")) {
      sec001_check_extra(ctx, call);
      return;
    }
  }
  if (pr_text_is(ctx, name, "RawSQL")) {
    sec001_check_argument(ctx, call, pr_call_argument(ctx, call, 0, "sql"), NULL);
    return;
  }
  if (!sec001_modules(ctx)) return;
  if (pr_call_matches(ctx, call, text_names)) {
    sec001_check_argument(ctx, call, pr_call_argument(ctx, call, 0, "text"), NULL);
    return;
  }
  if (pr_call_matches(ctx, call, pandas_names))
    sec001_check_argument(ctx, call, pr_call_argument(ctx, call, 0, "sql"), NULL);
}

const pr_rule pr_rule_sec001 = {
  .code = "SEC001",
  .name = "sql-injection",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 89,
  .tags = 0,
  .flags = 0,
  .summary = "SQL text built from non-literal parts reaching a query sink",
  .doc = pr_doc_sec001,
  .kinds = {pr_kind_call},
  .on_node = sec001_check,
};
