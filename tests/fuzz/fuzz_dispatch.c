/* fuzz_dispatch.c - libFuzzer target: message sequences through the server's
 * dispatcher (pr_server_new ... pr_server_free, lsp/server.h), no transport.
 *
 * The input is decoded into JSON-RPC messages so that the fuzzer gets past
 * JSON parse errors into deep states (initialised, documents open, then
 * edited): byte 0 says how the harness initialises the server; then each
 * message starts with a byte choosing a template (initialize, didOpen,
 * didChange with arbitrary ranges and texts, didClose, hover, code actions
 * for diagnostics sent back with any range, code and version, shutdown, exit,
 * unknown methods, wrong params, wrong envelopes, non-objects, raw bytes) and
 * the following bytes fill its fields. Texts are spelt with JSON escapes,
 * NULs, non-ASCII characters (raw and escaped, astral ones included), Python
 * tokens, and now and then a lone surrogate or a raw 0xFF byte.
 *
 * After each message every body the server wrote must be valid JSON and a
 * well-formed response or publishDiagnostics, and the number of responses
 * must be what the message calls for: one for a request (with its id), none
 * for a notification, one error for a malformed message, nothing after
 * `exit`. pr_server_free must leave nothing behind (LeakSanitizer). */
#include "report.h"
#include "server.h"

#include <jansson.h>
#include <sanitizer/asan_interface.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"

/* Messages per input, so that one input stays fast. */
#define PR_FUZZ_MAX_MESSAGES 48

/* ---------- reading the input ---------- */

typedef struct pr_fuzz_in {
  const uint8_t *p;
  size_t n;
} pr_fuzz_in;

static uint8_t pr_fuzz_u8(pr_fuzz_in *in) {
  if (!in->n) return 0;
  in->n--;
  return *in->p++;
}

/* ---------- writing JSON ---------- */

static void pr_fuzz_put(pr_buf *b, const char *s) { pr_buf_append(b, s, strlen(s)); }

/* n copies of c, 256 at a time: a nesting of up to 4,080 brackets appended
 * one pr_fuzz_put each was a twentieth of an execution. */
static void pr_fuzz_repeat(pr_buf *b, char c, size_t n) {
  char run[256];
  memset(run, c, sizeof run);
  while (n) {
    size_t k = n < sizeof run ? n : sizeof run;
    pr_buf_append(b, run, k);
    n -= k;
  }
}

/* Python a message body can carry, so that texts reach the rules. */
static const char *const pr_fuzz_snippets[] = {
  "import sqlite3\ndef q(c, name):\n    c.execute(\"SELECT * FROM t WHERE n = '%s'\" % name)\n",
  "import subprocess, os\nsubprocess.run(cmd, shell=True)\nos.system('ls ' + d)\n",
  "eval(input())\nexec(compile(src, 'f', 'exec'))\n",
  "import pickle, yaml\npickle.loads(data)\nyaml.load(s)\n",
  "import logging\ntry:\n    x()\nexcept Exception as e:\n    logging.error(e)\nexcept:\n    pass\n",
  "import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertTrue(a == b)\n"
  "    def test_b(self):\n        x = 1\n",
  "def camelCase(someArg):\n    fooBar = someArg\n    return fooBar\n",
  "def public(a):\n    b = a\n    c = b\n    d = c\n    e = d\n    return e\n",
  "def f():\n    unused = 1\n    for i in range(3):\n        pass\n    global g\n    g = 2\n",
  "x = 1  # noqa: SEC001, unused-variable\nos.popen(c)  # nosec\n# pyreview: ignore-file[DED001]\n",
  "\xef\xbb\xbf" "class A:\r    def m(self):\r        return 1\r",
  "def g(:\n    (((\n  x = [\n",
  "s = '''\nunterminated\n",
  "async def h():\n    async with a as b:\n        await b\n    return [y for y in z if (w := y)]\n",
  "print 'py2'\nexec code\nraise E, 'v'\n",
  "def t():\n    '''Doc.'''\n    f'{x!r:>{w}}'\n    lambda: (yield)\n    match p:\n        case [1, *r]: pass\n",
};
#define PR_FUZZ_SNIPPETS (sizeof pr_fuzz_snippets / sizeof pr_fuzz_snippets[0])

/* Characters that move columns around: 2-, 3- and 4-byte UTF-8, a BOM in the
 * middle, separators LSP and Python disagree on, a combining accent. */
static const struct { const char *utf8, *escaped; } pr_fuzz_chars[8] = {
  {"\xc3\xa9", "\\u00e9"},          {"\xce\xbb", "\\u03bb"},
  {"\xe4\xb8\xad", "\\u4e2d"},      {"\xf0\x9f\x98\x80", "\\ud83d\\ude00"},
  {"\xef\xbb\xbf", "\\ufeff"},      {"\xe2\x80\xa8", "\\u2028"},
  {"\xc2\x85", "\\u0085"},          {"\xcc\x81", "\\u0301"},
};

static const char *const pr_fuzz_tokens[30] = {
  "def ", "class ", "(", ")", ":", "\n    ", "import ", " = ", "lambda ", "'''", "\"\"\"", "\\\n", "# noqa",
  "if ", "else", "for ", " in ", "try:", "except", "return ", "yield ", "async ", "await ", "with ", "f'{",
  "}", "[", "]", ", ", "self.assertTrue(",
};

/* One input byte as string content (see the header comment). */
static void pr_fuzz_char(pr_buf *b, uint8_t c) {
  char esc[8];
  if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') { pr_buf_append(b, (const char *)&c, 1); return; }
  switch (c) {
  case '"': pr_fuzz_put(b, "\\\""); return;
  case '\\': pr_fuzz_put(b, "\\\\"); return;
  case '\n': pr_fuzz_put(b, "\\n"); return;
  case '\r': pr_fuzz_put(b, "\\r"); return;
  case '\t': pr_fuzz_put(b, "\\t"); return;
  }
  if (c < 0x80) { snprintf(esc, sizeof esc, "\\u%04x", c); pr_fuzz_put(b, esc); return; }
  if (c < 0xC0) { pr_fuzz_put(b, pr_fuzz_chars[c & 7].utf8); return; }
  if (c < 0xE0) { pr_fuzz_put(b, pr_fuzz_chars[c & 7].escaped); return; }
  if (c < 0xFE) {
    /* a token, escaped like any other content */
    for (const char *t = pr_fuzz_tokens[c - 0xE0]; *t; t++) pr_fuzz_char(b, (uint8_t)*t);
    return;
  }
  if (c == 0xFE) { pr_fuzz_put(b, "\\ud800"); return; }  /* invalid JSON: a lone surrogate */
  pr_buf_append(b, "\xff", 1);                           /* invalid JSON: not UTF-8 */
}

/* Valid UTF-8 as string content. */
static void pr_fuzz_escaped(pr_buf *b, const char *s) {
  for (; *s; s++) {
    uint8_t c = (uint8_t)*s;
    if (c >= 0x80) pr_buf_append(b, s, 1);
    else pr_fuzz_char(b, c);
  }
}

/* A string: [length][bytes ...]. */
static void pr_fuzz_string(pr_buf *b, pr_fuzz_in *in) {
  size_t n = pr_fuzz_u8(in);
  pr_fuzz_put(b, "\"");
  for (size_t i = 0; i < n && in->n; i++) pr_fuzz_char(b, pr_fuzz_u8(in));
  pr_fuzz_put(b, "\"");
}

/* A document text: a snippet or nothing, then fuzz bytes. */
static void pr_fuzz_text(pr_buf *b, pr_fuzz_in *in) {
  uint8_t pick = pr_fuzz_u8(in);
  size_t n = pr_fuzz_u8(in);
  if (pick & 0x80) n = n * 8;  /* sometimes longer */
  pr_fuzz_put(b, "\"");
  if (pick & 0x40) pr_fuzz_escaped(b, pr_fuzz_snippets[pick % PR_FUZZ_SNIPPETS]);
  for (size_t i = 0; i < n && in->n; i++) pr_fuzz_char(b, pr_fuzz_u8(in));
  pr_fuzz_put(b, "\"");
}

static const char *const pr_fuzz_uris[7] = {
  "\"file:///w/a.py\"", "\"file:///w/tests/test_b.py\"", "\"untitled:Untitled-1\"", "\"file:///w/d%20e.py\"",
  "\"file://host/w/conftest.py\"", "\"file:///w/%00.py\"", "\"file:///w/a.py\\u0000x\"",
};

static void pr_fuzz_uri(pr_buf *b, pr_fuzz_in *in) {
  uint8_t k = pr_fuzz_u8(in) & 7;
  if (k < 7) pr_fuzz_put(b, pr_fuzz_uris[k]);
  else pr_fuzz_string(b, in);
}

/* A number where the protocol wants an integer, and sometimes not. */
static void pr_fuzz_integer(pr_buf *b, pr_fuzz_in *in) {
  static const char *const odd[] = {"-1", "4294967295", "4294967296", "2147483647", "9223372036854775807",
                                    "-9223372036854775808", "99999999999999999999", "1.5", "1e3", "\"3\"",
                                    "null", "true", "[]", "{}", "0", "-0"};
  uint8_t k = pr_fuzz_u8(in);
  if (k < 0xF0) pr_buf_printf(b, "%u", (unsigned)(k & 0x3F));
  else pr_fuzz_put(b, odd[k & 15]);
}

static void pr_fuzz_position(pr_buf *b, pr_fuzz_in *in) {
  uint8_t shape = pr_fuzz_u8(in);
  if (shape >= 0xF8) { pr_fuzz_put(b, (shape & 1) ? "null" : "{\"line\":0}"); return; }
  pr_fuzz_put(b, "{\"line\":");
  if (shape & 0x80) pr_fuzz_integer(b, in);
  else pr_buf_printf(b, "%u", (unsigned)(shape & 7));
  pr_fuzz_put(b, ",\"character\":");
  if (shape & 0x40) pr_fuzz_integer(b, in);
  else pr_buf_printf(b, "%u", (unsigned)(pr_fuzz_u8(in) & 31));
  pr_fuzz_put(b, "}");
}

/* An id: usually fine, sometimes of a type JSON-RPC forbids; or none. */
static void pr_fuzz_id(pr_buf *b, pr_fuzz_in *in, bool *has_id) {
  static const char *const ids[] = {"null", "1.5", "true", "{}", "[1]", "\"\"", "\"a\\u0000b\"", "-7",
                                    "9223372036854775807"};
  uint8_t k = pr_fuzz_u8(in);
  *has_id = true;
  if (k < 0x80) pr_buf_printf(b, ",\"id\":%u", (unsigned)k);
  else if (k < 0xC0) pr_buf_printf(b, ",\"id\":\"r%u\"", (unsigned)(k & 0x3F));
  else if (k < 0xC9) pr_buf_printf(b, ",\"id\":%s", ids[k - 0xC0]);
  else *has_id = false;
}

/* ---------- the message templates ---------- */

static void pr_fuzz_initialize_params(pr_buf *b, uint8_t caps, pr_fuzz_in *in) {
  static const char *const encodings[] = {"", "\"utf-8\"", "\"utf-16\"", "\"utf-32\"", "\"utf-32\",\"utf-16\"",
                                          "\"utf-32\",\"utf-8\"", "\"latin-1\"", "1,null"};
  pr_buf_printf(b, "\"params\":{\"processId\":null,\"capabilities\":{\"general\":{\"positionEncodings\":[%s]}",
                encodings[caps & 7]);
  if (caps & 8)
    pr_fuzz_put(b, ",\"textDocument\":{\"publishDiagnostics\":{\"relatedInformation\":true,"
                   "\"codeDescriptionSupport\":true,\"tagSupport\":{\"valueSet\":[1,2]}}}");
  pr_fuzz_put(b, "}");
  switch ((caps >> 4) % 5) {
  case 1: pr_fuzz_put(b, ",\"rootUri\":\"file:///w\""); break;
  case 2: pr_fuzz_put(b, ",\"workspaceFolders\":[{\"uri\":\"file:///w/\",\"name\":\"w\"}]"); break;
  case 3: pr_fuzz_put(b, ",\"rootPath\":"); pr_fuzz_string(b, in); break;
  case 4:
    pr_fuzz_put(b, ",\"initializationOptions\":{\"pyreview\":{\"select\":[");
    pr_fuzz_string(b, in);
    pr_fuzz_put(b, "],\"max-complexity\":");
    pr_fuzz_integer(b, in);
    pr_fuzz_put(b, ",\"severity\":{\"SEC\":");
    pr_fuzz_string(b, in);
    pr_fuzz_put(b, "}}},\"capabilities\":{\"workspace\":{\"configuration\":true,"
                   "\"didChangeWatchedFiles\":{\"dynamicRegistration\":true}}}");
    break;
  }
  pr_fuzz_put(b, "}");
}

static const char *const pr_fuzz_methods[] = {
  "initialize", "shutdown", "exit", "initialized", "textDocument/didOpen", "textDocument/didChange",
  "textDocument/didClose", "textDocument/didSave", "workspace/didChangeConfiguration",
  "textDocument/hover", "$/cancelRequest", "initialize\\u0000x", "exit\\u0000", "", "textDocument/didOpen ",
  "$/setTrace", "workspace/diagnostic", "codeAction/resolve", "notebookDocument/didOpen",
  "notebookDocument/didChange", "workspace/didChangeWorkspaceFolders",
};
#define PR_FUZZ_METHODS (sizeof pr_fuzz_methods / sizeof pr_fuzz_methods[0])

static const char *const pr_fuzz_bad_params[] = {
  "\"params\":\"x\"", "\"params\":3", "\"params\":[]", "\"params\":[1]", "\"params\":{}", "\"params\":null",
  "\"params\":{\"textDocument\":5}", "\"params\":{\"textDocument\":{\"uri\":5}}",
  "\"params\":{\"textDocument\":{\"uri\":\"file:///w/a.py\",\"version\":\"1\",\"text\":3}}",
  "\"params\":{\"textDocument\":{\"uri\":\"file:///w/a.py\",\"version\":1},\"contentChanges\":{}}",
  "\"params\":{\"textDocument\":{\"uri\":\"file:///w/a.py\",\"version\":1},\"contentChanges\":[{}]}",
  "\"params\":{\"textDocument\":{\"uri\":\"file:///w/a.py\",\"version\":1},\"contentChanges\":[5]}",
  "\"params\":{\"textDocument\":{\"uri\":\"file:///w/a.py\",\"version\":1},"
  "\"contentChanges\":[{\"text\":\"x\",\"range\":5}]}",
  "\"params\":{\"textDocument\":{\"uri\":\"file:///w/a.py\",\"version\":1},"
  "\"contentChanges\":[{\"text\":\"x\",\"range\":{\"start\":{}}}]}",
  "\"params\":{\"capabilities\":{\"general\":{\"positionEncodings\":\"utf-8\"}},\"workspaceFolders\":[5],"
  "\"rootUri\":7}",
  "\"params\":{\"capabilities\":{\"textDocument\":{\"publishDiagnostics\":{\"tagSupport\":{\"valueSet\":\"x\"}}}}}",
};
#define PR_FUZZ_BAD_PARAMS (sizeof pr_fuzz_bad_params / sizeof pr_fuzz_bad_params[0])

/* A notebook message: open (cells of either kind, any language), a change
 * of the cell structure or of a cell's text (ranges as the input says), or a
 * close, on one of two notebooks whose cells are "c0".."c3". */
static void pr_fuzz_cell(pr_buf *b, pr_fuzz_in *in, bool item) {
  uint8_t c = pr_fuzz_u8(in);
  if (item) {
    pr_buf_printf(b, "{\"uri\":\"c%u\",\"languageId\":\"%s\",\"version\":", c & 3, (c & 4) ? "markdown" : "python");
    pr_fuzz_integer(b, in);
    pr_fuzz_put(b, ",\"text\":");
    pr_fuzz_text(b, in);
    pr_fuzz_put(b, "}");
  } else {
    pr_buf_printf(b, "{\"kind\":%u,\"document\":\"c%u\"}", (c & 8) ? 1u : 2u, c & 3);
  }
}

static void pr_fuzz_notebook(pr_buf *b, pr_fuzz_in *in) {
  uint8_t k = pr_fuzz_u8(in);
  unsigned n = (k >> 2) & 3;
  const char *uri = (k & 64) ? "file:///w/n.ipynb" : "file:///w/tests/test_n.ipynb";
  switch (k & 3) {
  case 0:
    pr_buf_printf(b, "{\"jsonrpc\":\"2.0\",\"method\":\"notebookDocument/didOpen\",\"params\":{\"notebookDocument\":"
                     "{\"uri\":\"%s\",\"notebookType\":\"jupyter-notebook\",\"version\":1,\"cells\":[", uri);
    for (unsigned i = 0; i <= n; i++) { if (i) pr_fuzz_put(b, ","); pr_fuzz_cell(b, in, false); }
    pr_fuzz_put(b, "]},\"cellTextDocuments\":[");
    for (unsigned i = 0; i <= n; i++) { if (i) pr_fuzz_put(b, ","); pr_fuzz_cell(b, in, true); }
    pr_fuzz_put(b, "]}}");
    break;
  case 1:
    pr_buf_printf(b, "{\"jsonrpc\":\"2.0\",\"method\":\"notebookDocument/didChange\",\"params\":{\"notebookDocument\":"
                     "{\"uri\":\"%s\",\"version\":2},\"change\":{\"cells\":{\"structure\":{\"array\":{\"start\":", uri);
    pr_fuzz_integer(b, in);
    pr_fuzz_put(b, ",\"deleteCount\":");
    pr_fuzz_integer(b, in);
    pr_fuzz_put(b, ",\"cells\":[");
    for (unsigned i = 0; i < n; i++) { if (i) pr_fuzz_put(b, ","); pr_fuzz_cell(b, in, false); }
    pr_fuzz_put(b, "]},\"didOpen\":[");
    for (unsigned i = 0; i < n; i++) { if (i) pr_fuzz_put(b, ","); pr_fuzz_cell(b, in, true); }
    pr_fuzz_put(b, "]}}}}}");
    break;
  case 2:
    pr_buf_printf(b, "{\"jsonrpc\":\"2.0\",\"method\":\"notebookDocument/didChange\",\"params\":{\"notebookDocument\":"
                     "{\"uri\":\"%s\",\"version\":3},\"change\":{\"cells\":{\"textContent\":[{\"document\":"
                     "{\"uri\":\"c%u\",\"version\":4},\"changes\":[{\"range\":{\"start\":", uri, n);
    pr_fuzz_position(b, in);
    pr_fuzz_put(b, ",\"end\":");
    pr_fuzz_position(b, in);
    pr_fuzz_put(b, "},\"text\":");
    pr_fuzz_text(b, in);
    pr_fuzz_put(b, "}]}]}}}}");
    break;
  default:
    pr_buf_printf(b, "{\"jsonrpc\":\"2.0\",\"method\":\"notebookDocument/didClose\",\"params\":{\"notebookDocument\":"
                     "{\"uri\":\"%s\"}}}", uri);
    break;
  }
}

/* A request on a document: hover at a position, or code actions for the
 * diagnostics a client sends back (any range, code and version: the server
 * matches them against what it published). */
static void pr_fuzz_request(pr_buf *b, pr_fuzz_in *in, uint8_t op) {
  static const char *const codes[] = {"TST001", "DUP001", "NAM001", "DED003", "SUP001", "SEC001", "x", ""};
  bool has_id;
  pr_buf_printf(b, "{\"jsonrpc\":\"2.0\",\"method\":\"%s\"",
                (op & 16) ? "textDocument/hover" : "textDocument/codeAction");
  pr_fuzz_id(b, in, &has_id);
  pr_fuzz_put(b, ",\"params\":{\"textDocument\":{\"uri\":");
  pr_fuzz_uri(b, in);
  if (op & 16) {
    pr_fuzz_put(b, "},\"position\":");
    pr_fuzz_position(b, in);
    pr_fuzz_put(b, "}}");
    return;
  }
  pr_fuzz_put(b, "},\"range\":{\"start\":");
  pr_fuzz_position(b, in);
  pr_fuzz_put(b, ",\"end\":");
  pr_fuzz_position(b, in);
  pr_fuzz_put(b, "},\"context\":{\"diagnostics\":[");
  uint8_t shape = pr_fuzz_u8(in);
  for (unsigned i = 0; i < (shape & 3u); i++) {
    pr_fuzz_put(b, i ? ",{\"range\":{\"start\":" : "{\"range\":{\"start\":");
    pr_fuzz_position(b, in);
    pr_fuzz_put(b, ",\"end\":");
    pr_fuzz_position(b, in);
    pr_buf_printf(b, "},\"code\":\"%s\",\"source\":\"pyreview\",\"message\":\"m\",\"data\":{\"version\":",
                  codes[pr_fuzz_u8(in) & 7]);
    pr_fuzz_integer(b, in);
    pr_fuzz_put(b, "}}");
  }
  pr_fuzz_put(b, (shape & 4) ? "],\"only\":[\"source.fixAll.pyreview\"]}}}" : "]}}}");
}

/* Builds one message body from the input. */
static void pr_fuzz_message(pr_buf *b, pr_fuzz_in *in) {
  uint8_t op = pr_fuzz_u8(in);
  bool has_id;
  switch (op % 16) {
  case 0:
    pr_fuzz_put(b, "{\"jsonrpc\":\"2.0\",\"method\":\"initialize\"");
    pr_fuzz_id(b, in, &has_id);
    pr_fuzz_put(b, ",");
    pr_fuzz_initialize_params(b, pr_fuzz_u8(in), in);
    pr_fuzz_put(b, "}");
    break;
  case 1:
    pr_fuzz_put(b, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
    break;
  case 2:
  case 3:
    pr_fuzz_put(b, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":");
    pr_fuzz_uri(b, in);
    pr_fuzz_put(b, ",\"languageId\":\"python\",\"version\":");
    pr_fuzz_integer(b, in);
    pr_fuzz_put(b, ",\"text\":");
    pr_fuzz_text(b, in);
    pr_fuzz_put(b, "}}}");
    break;
  case 4:
  case 5:
  case 6: {
    pr_fuzz_put(b, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":");
    pr_fuzz_uri(b, in);
    pr_fuzz_put(b, ",\"version\":");
    pr_fuzz_integer(b, in);
    pr_fuzz_put(b, "},\"contentChanges\":[");
    unsigned n = (op >> 4) & 3;
    for (unsigned i = 0; i <= n; i++) {
      uint8_t shape = pr_fuzz_u8(in);
      pr_fuzz_put(b, i ? ",{" : "{");
      if (shape & 1) {
        pr_fuzz_put(b, "\"range\":{\"start\":");
        pr_fuzz_position(b, in);
        pr_fuzz_put(b, ",\"end\":");
        pr_fuzz_position(b, in);
        pr_fuzz_put(b, (shape & 2) ? "},\"rangeLength\":3," : "},");
      }
      pr_fuzz_put(b, "\"text\":");
      if (shape & 4) pr_fuzz_text(b, in);
      else pr_fuzz_string(b, in);
      pr_fuzz_put(b, "}");
    }
    pr_fuzz_put(b, "]}}");
    break;
  }
  case 7:
    pr_fuzz_put(b, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":{\"uri\":");
    pr_fuzz_uri(b, in);
    pr_fuzz_put(b, "}}}");
    break;
  case 8:
    if (op & 32) {
      pr_fuzz_notebook(b, in);
      break;
    }
    if (op & 64) {
      pr_fuzz_request(b, in, op);
      break;
    }
    pr_buf_printf(b, "{\"jsonrpc\":\"2.0\",\"method\":\"%s\",\"params\":{\"textDocument\":{\"uri\":",
                  (op & 16) ? "workspace/didChangeConfiguration" : "textDocument/didSave");
    pr_fuzz_uri(b, in);
    pr_fuzz_put(b, "},\"settings\":{}}}");
    break;
  case 9:
    pr_fuzz_put(b, "{\"jsonrpc\":\"2.0\",\"method\":\"shutdown\"");
    pr_fuzz_id(b, in, &has_id);
    pr_fuzz_put(b, (op & 16) ? ",\"params\":null}" : "}");
    break;
  case 10:
    pr_fuzz_put(b, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"");
    if (op & 16) pr_fuzz_id(b, in, &has_id);
    pr_fuzz_put(b, (op & 32) ? ",\"params\":null}" : "}");
    break;
  case 11:
  case 12:
    /* a method with params of the wrong shape or type, or an unknown one */
    pr_buf_printf(b, "{\"jsonrpc\":\"2.0\",\"method\":\"%s\"", pr_fuzz_methods[pr_fuzz_u8(in) % PR_FUZZ_METHODS]);
    if (op & 16) pr_fuzz_id(b, in, &has_id);
    pr_buf_printf(b, ",%s}", pr_fuzz_bad_params[pr_fuzz_u8(in) % PR_FUZZ_BAD_PARAMS]);
    break;
  case 13: {
    /* raw bytes as a body */
    size_t n = pr_fuzz_u8(in);
    if (n > in->n) n = in->n;
    pr_buf_append(b, (const char *)in->p, n);
    in->p += n;
    in->n -= n;
    break;
  }
  case 14: {
    /* envelopes JSON-RPC does not allow, and responses to the server */
    static const char *const shapes[] = {
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}", "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":1}}",
      "{\"jsonrpc\":\"2.0\",\"id\":1}", "{\"jsonrpc\":\"2.0\"}", "{}", "{\"method\":5,\"id\":2}", "{\"method\":5}",
      "{\"method\":null}", "{\"method\":\"shutdown\",\"id\":1.5}", "{\"method\":\"shutdown\",\"id\":[]}",
      "{\"method\":\"textDocument/didOpen\",\"id\":3,\"params\":{}}", "{\"method\":\"shutdown\"}",
      "{\"method\":\"initialized\",\"params\":\"s\"}", "{\"method\":\"x\",\"id\":4,\"params\":7}",
      "{\"id\":null,\"method\":\"textDocument/hover\"}", "{\"method\":\"shutdown\",\"id\":1,\"id\":2}",
    };
    pr_fuzz_put(b, shapes[pr_fuzz_u8(in) % (sizeof shapes / sizeof shapes[0])]);
    break;
  }
  default: {
    /* valid JSON that is not an object, nested as deep as the input says */
    static const char *const values[] = {"[]", "3", "\"s\"", "true", "null", "[{}]", "\"\\u0000\"", "-0.5e9"};
    /* past 256 levels only one time in 16: jansson allocates an array per
     * level (up to its limit of 2,048), and when half of these messages went
     * that deep, a quarter of all the fuzzer's time (perf) was spent
     * allocating and freeing them, always on the same few paths */
    uint8_t k = pr_fuzz_u8(in);
    size_t depth = (size_t)pr_fuzz_u8(in) * ((k & 0xF0) == 0xF0 ? 16 : 1);
    pr_fuzz_repeat(b, '[', depth);
    pr_fuzz_put(b, values[k & 7]);
    pr_fuzz_repeat(b, ']', depth);
    break;
  }
  }
}

/* ---------- checking what the server wrote ---------- */

typedef struct pr_fuzz_out {
  json_t *bodies;  /* every body written while handling one message, parsed */
} pr_fuzz_out;

static void pr_fuzz_write(void *user, const char *body, size_t len) {
  pr_fuzz_out *out = user;
  json_error_t err;
  json_t *v = json_loadb(body, len, JSON_ALLOW_NUL, &err);
  if (!v) {
    fprintf(stderr, "fuzz_dispatch: the server wrote invalid JSON (%s): %.*s\n", err.text, (int)len, body);
    abort();
  }
  PR_FUZZ_CHECK(json_array_append_new(out->bodies, v) == 0);
}

static void pr_fuzz_log(void *user, const char *line) {
  PR_FUZZ_CHECK(line != NULL && strlen(line) < 1024);
}

static bool pr_fuzz_is_uint(json_t *v) { return json_is_integer(v) && json_integer_value(v) >= 0; }

static void pr_fuzz_check_position(json_t *p, json_int_t *line, json_int_t *character) {
  json_t *l = json_object_get(p, "line"), *c = json_object_get(p, "character");
  PR_FUZZ_CHECK(pr_fuzz_is_uint(l) && pr_fuzz_is_uint(c));
  *line = json_integer_value(l);
  *character = json_integer_value(c);
}

static void pr_fuzz_check_diagnostics(json_t *params) {
  PR_FUZZ_CHECK(json_is_string(json_object_get(params, "uri")));
  json_t *list = json_object_get(params, "diagnostics");
  PR_FUZZ_CHECK(json_is_array(list));
  size_t i;
  json_t *d;
  json_array_foreach(list, i, d) {
    json_int_t sl, sc, el, ec;
    json_t *range = json_object_get(d, "range");
    pr_fuzz_check_position(json_object_get(range, "start"), &sl, &sc);
    pr_fuzz_check_position(json_object_get(range, "end"), &el, &ec);
    PR_FUZZ_CHECK(sl < el || (sl == el && sc <= ec));
    json_int_t sev = json_integer_value(json_object_get(d, "severity"));
    PR_FUZZ_CHECK(sev >= 1 && sev <= 4);
    PR_FUZZ_CHECK(json_is_string(json_object_get(d, "code")));
    PR_FUZZ_CHECK(json_is_string(json_object_get(d, "message")));
  }
}

static bool pr_fuzz_method_is(json_t *method, const char *name) {
  return json_is_string(method) && json_string_length(method) == strlen(name) &&
         !strcmp(json_string_value(method), name);
}

/* Checks the bodies written for `body` against what JSON-RPC asks for it. */
static void pr_fuzz_check(const char *body, size_t len, json_t *written, bool was_exited, pr_server *s) {
  size_t responses = 0, publishes = 0, i;
  json_t *w, *response = NULL;
  json_array_foreach(written, i, w) {
    PR_FUZZ_CHECK(json_is_object(w));
    PR_FUZZ_CHECK(pr_fuzz_method_is(json_object_get(w, "jsonrpc"), "2.0"));
    json_t *method = json_object_get(w, "method");
    if (method && (pr_fuzz_method_is(method, "window/logMessage") || pr_fuzz_method_is(method, "window/showMessage") ||
                   pr_fuzz_method_is(method, "$/logTrace"))) {
      /* configuration problems (initializationOptions, didChangeConfiguration) */
      PR_FUZZ_CHECK(!json_object_get(w, "id"));
      PR_FUZZ_CHECK(json_is_string(json_object_get(json_object_get(w, "params"), "message")));
      continue;
    }
    if (method && json_object_get(w, "id")) {
      /* the server's own requests: its settings, file watchers, a refresh */
      PR_FUZZ_CHECK(pr_fuzz_method_is(method, "workspace/configuration") ||
                    pr_fuzz_method_is(method, "client/registerCapability") ||
                    pr_fuzz_method_is(method, "workspace/diagnostic/refresh"));
      PR_FUZZ_CHECK(!strncmp(json_string_value(json_object_get(w, "id")), "pyreview-", 9));
      continue;
    }
    if (method) {
      PR_FUZZ_CHECK(pr_fuzz_method_is(method, "textDocument/publishDiagnostics"));
      PR_FUZZ_CHECK(!json_object_get(w, "id"));
      pr_fuzz_check_diagnostics(json_object_get(w, "params"));
      publishes++;
      continue;
    }
    json_t *result = json_object_get(w, "result"), *error = json_object_get(w, "error");
    PR_FUZZ_CHECK(json_object_get(w, "id") && (!result != !error));
    if (error) {
      json_int_t code = json_integer_value(json_object_get(error, "code"));
      PR_FUZZ_CHECK(code == -32700 || code == -32600 || code == -32601 || code == -32602 || code == -32002);
      PR_FUZZ_CHECK(json_is_string(json_object_get(error, "message")));
    }
    response = w;
    responses++;
  }
  if (was_exited) {
    PR_FUZZ_CHECK(json_array_size(written) == 0);
    return;
  }

  json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, NULL);
  if (!msg || !json_is_object(msg)) {
    /* a parse error or an invalid request, answered with a null id */
    PR_FUZZ_CHECK(responses == 1 && publishes == 0 && !pr_server_wants_exit(s));
    PR_FUZZ_CHECK(json_is_null(json_object_get(response, "id")));
    json_int_t code = json_integer_value(json_object_get(json_object_get(response, "error"), "code"));
    PR_FUZZ_CHECK(code == (msg ? -32600 : -32700));
    json_decref(msg);
    return;
  }
  json_t *id = json_object_get(msg, "id"), *method = json_object_get(msg, "method");
  json_t *params = json_object_get(msg, "params");
  bool id_ok = !id || json_is_string(id) || json_is_integer(id) || json_is_null(id);
  /* JSON-RPC params are structured; eglot sends null */
  bool params_ok = !params || json_is_null(params) || json_is_object(params) || json_is_array(params);
  if (!id_ok) {
    PR_FUZZ_CHECK(responses == 1 && json_is_null(json_object_get(response, "id")));
  } else if (!method) {
    bool is_response = id && (json_object_get(msg, "result") || json_object_get(msg, "error"));
    PR_FUZZ_CHECK(responses == (is_response ? 0u : 1u));
  } else if (pr_fuzz_method_is(method, "exit") && params_ok) {
    PR_FUZZ_CHECK(json_array_size(written) == 0);
  } else {
    /* every request gets exactly one response carrying its id; notifications none */
    PR_FUZZ_CHECK(responses == (id ? 1u : 0u));
    if (id) PR_FUZZ_CHECK(json_equal(json_object_get(response, "id"), id));
  }
  bool exits = id_ok && method && pr_fuzz_method_is(method, "exit") && params_ok;
  PR_FUZZ_CHECK(pr_server_wants_exit(s) == exits);
  /* diagnostics come from opening, changing and closing documents only, and
     are about the document the message named */
  bool notebook = pr_fuzz_method_is(method, "notebookDocument/didOpen") ||
                  pr_fuzz_method_is(method, "notebookDocument/didChange") ||
                  pr_fuzz_method_is(method, "notebookDocument/didClose");
  /* new settings or folders re-review every open document */
  bool everything = pr_fuzz_method_is(method, "workspace/didChangeConfiguration") ||
                    pr_fuzz_method_is(method, "workspace/didChangeWatchedFiles") ||
                    pr_fuzz_method_is(method, "workspace/didChangeWorkspaceFolders");
  if (publishes && everything) {
    json_array_foreach(written, i, w)
      if (json_object_get(w, "method") && pr_fuzz_method_is(json_object_get(w, "method"), "textDocument/publishDiagnostics"))
        PR_FUZZ_CHECK(json_is_string(json_object_get(json_object_get(w, "params"), "uri")));
  } else if (publishes && notebook) {
    /* one publish per Python cell, each about a cell of the notebook */
    json_array_foreach(written, i, w) {
      const char *u = json_string_value(json_object_get(json_object_get(w, "params"), "uri"));
      if (json_object_get(w, "method")) PR_FUZZ_CHECK(u && u[0] == 'c');
    }
  } else if (publishes) {
    PR_FUZZ_CHECK(pr_fuzz_method_is(method, "textDocument/didOpen") ||
                  pr_fuzz_method_is(method, "textDocument/didChange") ||
                  pr_fuzz_method_is(method, "textDocument/didClose"));
    json_t *td = json_object_get(json_object_get(msg, "params"), "textDocument");
    PR_FUZZ_CHECK(publishes == 1);
    json_array_foreach(written, i, w) {
      json_t *p = json_object_get(w, "params");
      if (!json_object_get(w, "method")) continue;
      PR_FUZZ_CHECK(json_equal(json_object_get(p, "uri"), json_object_get(td, "uri")));
      /* a publish carries the version the open or change just set (a close, none) */
      if (pr_fuzz_method_is(method, "textDocument/didClose")) PR_FUZZ_CHECK(!json_object_get(p, "version"));
      else PR_FUZZ_CHECK(json_equal(json_object_get(p, "version"), json_object_get(td, "version")));
    }
  }
  json_decref(msg);
}

/* ---------- jansson's memory ---------- */

/* Every jansson value of one input (the server's messages, what it sends,
 * the oracle's parses) is carved in order from one region, which the input's
 * end gives back whole. ASan's allocator was about 40% of an execution and
 * jansson its largest client (perf). The checks stay: bytes not handed out,
 * the 16 bytes after each block and every freed block are poisoned, so ASan
 * still stops a read past a value or after its free; and a count of live
 * blocks, which must be 0 once the server is freed, stands in for
 * LeakSanitizer (a value the server forgets to json_decref). */
#define PR_FUZZ_JSON_REGION ((size_t)512 << 20)
#define PR_FUZZ_JSON_HEADER 16u
static unsigned char *pr_fuzz_json_region;
static size_t pr_fuzz_json_used, pr_fuzz_json_live;

static void *pr_fuzz_json_malloc(size_t n) {
  size_t span = PR_FUZZ_JSON_HEADER + ((n + 15) & ~(size_t)15) + 16;
  if (span > PR_FUZZ_JSON_REGION - pr_fuzz_json_used) {
    fprintf(stderr, "fuzz_dispatch: one input's JSON needs more than %zu MB\n", PR_FUZZ_JSON_REGION >> 20);
    abort();
  }
  unsigned char *p = pr_fuzz_json_region + pr_fuzz_json_used + PR_FUZZ_JSON_HEADER;
  pr_fuzz_json_used += span;
  pr_fuzz_json_live++;
  ASAN_UNPOISON_MEMORY_REGION(p - PR_FUZZ_JSON_HEADER, PR_FUZZ_JSON_HEADER + n);
  memcpy(p - PR_FUZZ_JSON_HEADER, &n, sizeof n);
  ASAN_POISON_MEMORY_REGION(p - PR_FUZZ_JSON_HEADER, PR_FUZZ_JSON_HEADER);
  return p;
}

static void pr_fuzz_json_free(void *p) {
  if (!p) return;
  unsigned char *b = p;
  PR_FUZZ_CHECK(b > pr_fuzz_json_region && b < pr_fuzz_json_region + pr_fuzz_json_used);
  /* a block freed twice has SIZE_MAX in its header */
  size_t n;
  ASAN_UNPOISON_MEMORY_REGION(b - PR_FUZZ_JSON_HEADER, PR_FUZZ_JSON_HEADER);
  memcpy(&n, b - PR_FUZZ_JSON_HEADER, sizeof n);
  PR_FUZZ_CHECK(n != SIZE_MAX && pr_fuzz_json_live > 0);
  memset(b - PR_FUZZ_JSON_HEADER, 0xFF, sizeof n);  /* SIZE_MAX: freed */
  ASAN_POISON_MEMORY_REGION(b - PR_FUZZ_JSON_HEADER, PR_FUZZ_JSON_HEADER + n);
  pr_fuzz_json_live--;
}

/* The input's end: nothing may be left, and the region is free again. */
static void pr_fuzz_json_reset(void) {
  if (pr_fuzz_json_live) {
    fprintf(stderr, "fuzz_dispatch: %zu jansson value(s) of this input were never freed\n", pr_fuzz_json_live);
    abort();
  }
  ASAN_POISON_MEMORY_REGION(pr_fuzz_json_region, pr_fuzz_json_used);
  pr_fuzz_json_used = 0;
}

/* PR_FUZZ_TRACE=1 in the environment prints each message and the replies
 * (to check what a seed or a reproducer decodes to). */
static bool pr_fuzz_trace;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  pr_fuzz_trace = getenv("PR_FUZZ_TRACE") != NULL;
  /* reserved, not touched: pages are faulted in as inputs first use them */
  pr_fuzz_json_region = malloc(PR_FUZZ_JSON_REGION);
  PR_FUZZ_CHECK(pr_fuzz_json_region);
  ASAN_POISON_MEMORY_REGION(pr_fuzz_json_region, PR_FUZZ_JSON_REGION);
  json_set_alloc_funcs(pr_fuzz_json_malloc, pr_fuzz_json_free);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  pr_fuzz_in in = {data, size};
  uint8_t setup = pr_fuzz_u8(&in);
  pr_fuzz_out out = {json_array()};
  PR_FUZZ_CHECK(out.bodies);
  pr_server_io io = {.write = pr_fuzz_write, .log = pr_fuzz_log, .user = &out, .no_disk = true};
  pr_server *s = pr_server_new(NULL, &io);
  PR_FUZZ_CHECK(s);
  pr_buf b = {0};

  for (unsigned k = 0; k <= PR_FUZZ_MAX_MESSAGES && (k == 0 || in.n); k++) {
    b.len = 0;
    if (k == 0) {
      /* most inputs start initialised, so that mutations go deep at once */
      if (setup & 0x80) continue;
      pr_fuzz_put(&b, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",");
      pr_fuzz_initialize_params(&b, setup, &in);
      pr_fuzz_put(&b, "}");
    } else {
      pr_fuzz_message(&b, &in);
    }
    PR_FUZZ_CHECK(!b.oom);
    bool was_exited = pr_server_wants_exit(s);
    json_array_clear(out.bodies);
    pr_server_handle_message(s, b.len ? b.data : "", b.len);
    if (pr_fuzz_trace) {
      fprintf(stderr, ">> %.*s\n", (int)b.len, b.len ? b.data : "");
      size_t i;
      json_t *w;
      json_array_foreach(out.bodies, i, w) {
        char *dump = json_dumps(w, JSON_COMPACT);
        fprintf(stderr, "<< %s\n", dump ? dump : "?");
        pr_fuzz_json_free(dump);
      }
    }
    pr_fuzz_check(b.len ? b.data : "", b.len, out.bodies, was_exited, s);
  }

  pr_server_free(s);
  pr_buf_free(&b);
  json_decref(out.bodies);
  pr_fuzz_json_reset();
  return 0;
}
