/* SEC012 insecure-xml-parser: parsing untrusted XML with the standard library or lxml.
 *
 * ## What it does
 * Flags `parse`, `fromstring`, `XML`, `parseString` and `iterparse` of
 * `xml.etree.ElementTree`, `xml.etree.cElementTree`, `xml.dom.minidom`,
 * `xml.dom.pulldom`, `xml.sax` and `lxml.etree` (any import form) on an input
 * that is not a literal value, whatever parser is passed; for `parse` and
 * `iterparse` the input is the file argument, and a literal file name is the
 * project's own file (so is a path built only from literals and the
 * module's location: `os.path.join(os.path.dirname(__file__), "schema.xsd")`,
 * `Path(__file__).parent / "schema.xsd"`). Also flags `lxml.etree.XMLParser(resolve_entities=True)`.
 * `defusedxml`, `lxml.html`, serialisation (`tostring`, `write`) and tree
 * building (`Element`, `SubElement`) are not flagged.
 *
 * ## Why is this bad?
 * XML can declare entities that expand to gigabytes ("billion laughs"), and
 * some parsers resolve external entities and DTDs, reading local files or
 * fetching URLs on the attacker's behalf (CWE-611). The standard library's
 * parsers are documented as not secure against maliciously constructed data.
 *
 * ## Example
 * ```python
 * import xml.etree.ElementTree as ET
 *
 * def read_invoice(body):
 *     return ET.fromstring(body).findtext("total")
 * ```
 *
 * ## Use instead
 * Parse untrusted input with `defusedxml`, which has the same API:
 * ```python
 * import defusedxml.ElementTree as ET
 *
 * def read_invoice(body):
 *     return ET.fromstring(body).findtext("total")
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <string.h>

static const char *const sec012_modules[] = {
  "xml.etree.ElementTree", "xml.etree.cElementTree", "xml.dom.minidom", "xml.dom.pulldom", "xml.sax",
  "lxml.etree", NULL,
};
static const char *const sec012_functions[] = {"parse", "fromstring", "XML", "parseString", "iterparse", NULL};
/* the input's keyword names in these modules */
static const char *const sec012_input_keywords[] = {"source", "text", "string", "file", "filename_or_file",
                                                    "filename", NULL};

/* Beyond the row (docs/precision.md): a path built only from literals and the
 * module's own location (`__file__`, `os.path.join`/`dirname`/`abspath`,
 * `pathlib.Path(...)`, `/` and `.parent`, directly or through names bound
 * once to such values) names a file shipped with the project, like a literal. */
static bool sec012_own_file(const pr_ctx *ctx, TSNode e, int depth) {
  static const char *const builders[] = {"os.path.join", "os.path.dirname", "os.path.abspath", "os.path.realpath",
                                         "os.path.normpath", "pathlib.Path", "pathlib.PurePath", NULL};
  if (depth > 6) return false;
  e = pr_unparenthesize(e);
  if (pr_is_literal(ctx, e, ctx->scope)) return true;
  switch (pr_node_kind(e)) {
  case pr_kind_identifier: {
    if (pr_text_is(ctx, e, "__file__")) return true;
    TSNode v = pr_single_assignment_value(ctx, e, ctx->scope);
    return !ts_node_is_null(v) && sec012_own_file(ctx, v, depth + 1);
  }
  case pr_kind_attribute:
    return pr_text_is(ctx, pr_child(e, pr_field_attribute), "parent") &&
           sec012_own_file(ctx, pr_child(e, pr_field_object), depth + 1);
  case pr_kind_binary_operator: {
    TSNode op = pr_child(e, pr_field_operator);
    if (ts_node_is_null(op) || !pr_text_is(ctx, op, "/")) return false;
    return sec012_own_file(ctx, pr_child(e, pr_field_left), depth + 1) &&
           sec012_own_file(ctx, pr_child(e, pr_field_right), depth + 1);
  }
  case pr_kind_call: {
    if (!pr_call_matches(ctx, e, builders)) return false;
    TSNode args = pr_child(e, pr_field_arguments);
    uint32_t n = ts_node_named_child_count(args);
    if (n == 0) return false;
    for (uint32_t i = 0; i < n; i++) {
      TSNode a = ts_node_named_child(args, i);
      if (pr_node_kind(a) == pr_kind_comment) continue;
      if (!sec012_own_file(ctx, a, depth + 1)) return false;
    }
    return true;
  }
  default:
    return false;
  }
}

/* Every finding needs one of these in the file's text (names.h: pr_text_mentions). */
static const char *const sec012_needles[] = {"xml", NULL};

static bool sec012_relevant(pr_ctx *ctx) {
  return pr_rule_mentions(ctx, sec012_needles);
}

static void sec012_check(pr_ctx *ctx, TSNode call) {
  if (!sec012_relevant(ctx)) return;
  char q[96];
  uint32_t ql = pr_call_qualified_name(ctx, call, q, sizeof q);
  if (!ql) return;
  if (!strcmp(q, "lxml.etree.XMLParser")) {
    TSNode resolve = pr_call_keyword(ctx, call, "resolve_entities");
    if (!ts_node_is_null(resolve) && pr_node_kind(pr_unparenthesize(resolve)) == pr_kind_true)
      pr_report(ctx, call,
                "`lxml.etree.XMLParser(resolve_entities=True)` expands external entities of untrusted "
                "documents: pass `resolve_entities=False` or parse with `defusedxml`");
    return;
  }
  const char *dot = strrchr(q, '.');
  if (!dot) return;
  bool fn = false, mod = false;
  for (int i = 0; sec012_functions[i] && !fn; i++) fn = !strcmp(dot + 1, sec012_functions[i]);
  if (!fn) return;
  for (int i = 0; sec012_modules[i] && !mod; i++)
    mod = strlen(sec012_modules[i]) == (size_t)(dot - q) && !memcmp(q, sec012_modules[i], (size_t)(dot - q));
  if (!mod) return;
  TSNode input = pr_call_positional(call, 0);
  for (int i = 0; sec012_input_keywords[i] && ts_node_is_null(input); i++)
    input = pr_call_keyword(ctx, call, sec012_input_keywords[i]);
  if (ts_node_is_null(input) || pr_is_literal(ctx, input, ctx->scope)) return;
  bool file_input = !strcmp(dot + 1, "parse") || !strcmp(dot + 1, "iterparse");
  if (file_input && sec012_own_file(ctx, input, 0)) return;
  pr_report(ctx, call,
            "`%s` parses XML that is not a literal: entity expansion and external entities can exhaust "
            "memory or read files; use `defusedxml`",
            q);
}

const pr_rule pr_rule_sec012 = {
  .code = "SEC012",
  .name = "insecure-xml-parser",
  .category = "Security",
  .severity = PR_SEV_WARNING,
  .cwe = 611,
  .tags = 0,
  .flags = 0,
  .summary = "Parsing XML that is not a literal with the standard library or lxml (use defusedxml)",
  .doc = pr_doc_sec012,
  .kinds = {pr_kind_call},
  .on_node = sec012_check,
};
