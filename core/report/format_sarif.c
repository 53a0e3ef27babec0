/* format_sarif.c - `--format sarif`: a SARIF 2.1.0 log (the OASIS standard
 * code-scanning services read), one run:
 * - tool.driver: name, version, and every registered rule in registry order
 *   (id, name, shortDescription = the summary, fullDescription = the rule's
 *   documentation, helpUri = its CWE's page, defaultConfiguration.level,
 *   properties.tags: the category, `security` and `external/cwe/cwe-N`);
 *   listing them all keeps each result's ruleIndex a property of its rule
 *   alone, so files render in parallel and the log never depends on which
 *   rules happened to report;
 * - results: ruleId, ruleIndex, level (error, warning, note), message, one
 *   physical location (a relative, percent-encoded URI and a 1-based region,
 *   columns in code points: columnKind unicodeCodePoints), relatedLocations,
 *   fixes as artifactChanges of replacements, and partialFingerprints
 *   `pyreview/v1` (the baseline's fingerprint, baseline.h). */
#include "baseline.h"
#include "reportparts.h"

#include <stdio.h>
#include <string.h>

static const char *pr_sarif__level(pr_severity s) {
  return s == PR_SEV_ERROR ? "error" : s == PR_SEV_WARNING ? "warning" : "note";
}

/* A relative path as a URI reference: RFC 3986's unreserved characters and
 * `/` as they are, every other byte percent-encoded; no leading "./". */
static void pr_sarif__uri(pr_buf *b, const char *path) {
  while (path[0] == '.' && path[1] == '/') path += 2;
  pr_buf uri = {0};
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
      pr_buf_append(&uri, (const char *)p, 1);
    else
      pr_buf_printf(&uri, "%%%02X", *p);
  }
  pr_buf_json_string(b, uri.len ? uri.data : "", uri.len);
  if (uri.oom) b->oom = true;
  pr_buf_free(&uri);
}

static void pr_sarif__region(pr_buf *b, const pr_reviewed_file *file, uint32_t start, uint32_t end) {
  pr_position s = pr_report_pos(file, start), e = pr_report_pos(file, end);
  pr_buf_printf(b, "{\"startLine\": %u, \"startColumn\": %u, \"endLine\": %u, \"endColumn\": %u}", s.line, s.column,
                e.line, e.column);
}

static void pr_sarif__location(pr_buf *b, const pr_reviewed_file *file, uint32_t start, uint32_t end) {
  pr_buf_lit(b, "{\"artifactLocation\": {\"uri\": ");
  pr_sarif__uri(b, file->path);
  pr_buf_lit(b, "}, \"region\": ");
  pr_sarif__region(b, file, start, end);
  pr_buf_lit(b, "}");
}

void pr_report_sarif(pr_buf *b, const pr_reviewed_file *file) {
  for (uint32_t i = 0; i < file->review->count; i++) {
    const pr_finding *f = file->review->findings[i];
    if (i) pr_buf_lit(b, ",\n");
    pr_buf_printf(b, "        {\"ruleId\": \"%s\", \"ruleIndex\": %u, \"level\": \"%s\", \"message\": {\"text\": ",
                  f->rule->code, pr_rule_index(f->rule), pr_sarif__level(f->severity));
    pr_buf_json_string(b, f->message, strlen(f->message));
    pr_buf_lit(b, "}, \"locations\": [{\"physicalLocation\": ");
    pr_sarif__location(b, file, f->start, f->end);
    pr_buf_lit(b, "}]");
    if (f->related_count) {
      pr_buf_lit(b, ", \"relatedLocations\": [");
      for (uint32_t r = 0; r < f->related_count; r++) {
        pr_buf_printf(b, "%s{\"id\": %u, \"physicalLocation\": ", r ? ", " : "", r + 1);
        pr_sarif__location(b, file, f->related[r].start, f->related[r].end);
        pr_buf_lit(b, ", \"message\": {\"text\": ");
        const char *m = f->related[r].message ? f->related[r].message : "";
        pr_buf_json_string(b, m, strlen(m));
        pr_buf_lit(b, "}}");
      }
      pr_buf_lit(b, "]");
    }
    uint64_t fp = pr_baseline_fingerprint(file->text, file->len, file->lines, f->start, f->end);
    pr_buf_printf(b, ", \"partialFingerprints\": {\"pyreview/v1\": \"%016llx\"}", (unsigned long long)fp);
    if (f->fix_message && f->edit_count) {
      pr_buf_lit(b, ", \"fixes\": [{\"description\": {\"text\": ");
      pr_buf_json_string(b, f->fix_message, strlen(f->fix_message));
      pr_buf_lit(b, "}, \"artifactChanges\": [{\"artifactLocation\": {\"uri\": ");
      pr_sarif__uri(b, file->path);
      pr_buf_lit(b, "}, \"replacements\": [");
      for (uint32_t j = 0; j < f->edit_count; j++) {
        pr_buf_append(b, j ? ", {\"deletedRegion\": " : "{\"deletedRegion\": ", j ? 20 : 18);
        pr_sarif__region(b, file, f->edits[j].start, f->edits[j].end);
        pr_buf_lit(b, ", \"insertedContent\": {\"text\": ");
        pr_buf_json_string(b, f->edits[j].text, strlen(f->edits[j].text));
        pr_buf_lit(b, "}}");
      }
      pr_buf_lit(b, "]}]}]");
    }
    pr_buf_lit(b, "}");
  }
}

static void pr_sarif__rule(pr_buf *b, const pr_rule *r) {
  pr_buf_printf(b, "            {\"id\": \"%s\", \"name\": \"%s\", \"shortDescription\": {\"text\": ", r->code, r->name);
  pr_buf_json_string(b, r->summary, strlen(r->summary));
  pr_buf_lit(b, "}, \"fullDescription\": {\"text\": ");
  const char *doc = r->doc ? r->doc : r->summary;
  size_t n = strlen(doc);
  while (n && doc[n - 1] == '\n') n--;
  pr_buf_json_string(b, doc, n);
  pr_buf_lit(b, "}");
  if (r->cwe) pr_buf_printf(b, ", \"helpUri\": \"https://cwe.mitre.org/data/definitions/%d.html\"", r->cwe);
  pr_buf_printf(b, ", \"defaultConfiguration\": {\"level\": \"%s\"}, \"properties\": {\"tags\": [",
                pr_sarif__level(r->severity));
  pr_buf_json_string(b, r->category, strlen(r->category));
  if (!strcmp(r->category, "Security")) pr_buf_lit(b, ", \"security\"");
  if (r->cwe) pr_buf_printf(b, ", \"external/cwe/cwe-%d\"", r->cwe);
  pr_buf_lit(b, "]}}");
}

void pr_report_sarif_document(pr_buf *b, const pr_report_options *options, const pr_report_chunk *chunks,
                              size_t count) {
  pr_buf_lit(b, "{\n  \"version\": \"2.1.0\",\n"
                "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                "  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n          \"name\": \"pyreview\",\n");
  pr_buf_lit(b, "          \"version\": ");
  const char *version = options->version ? options->version : "0";
  pr_buf_json_string(b, version, strlen(version));
  pr_buf_lit(b, ",\n          \"rules\": [\n");
  for (uint32_t r = 0; r < pr_rule_count; r++) {
    pr_sarif__rule(b, pr_rules[r]);
    pr_buf_append(b, r + 1 < pr_rule_count ? ",\n" : "\n", r + 1 < pr_rule_count ? 2 : 1);
  }
  pr_buf_lit(b, "          ]\n        }\n      },\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [");
  bool any = false;
  for (size_t i = 0; i < count; i++) {
    if (!chunks[i].len) continue;
    pr_buf_append(b, any ? ",\n" : "\n", any ? 2 : 1);
    pr_buf_append(b, chunks[i].data, chunks[i].len);
    any = true;
  }
  pr_buf_append(b, any ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n", any ? 21 : 14);
}
