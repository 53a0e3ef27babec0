/* parse.c - text to syntax tree; see parse.h. */
#include "parse.h"

#include <string.h>

typedef struct pr_parse_input {
  const char *text;
  uint32_t len;
} pr_parse_input;

/* tree-sitter's read callback: the text in chunks that end before each bare
 * '\r', which is served alone as "\n". Chunks split only at ASCII bytes, so no
 * UTF-8 sequence is ever cut. */
static const char *pr_parse__read(void *payload, uint32_t byte, TSPoint point, uint32_t *bytes_read) {
  const pr_parse_input *in = payload;
  if (byte >= in->len) {
    *bytes_read = 0;
    return "";
  }
  const char *p = in->text + byte, *end = in->text + in->len;
  if (*p == '\r' && (p + 1 == end || p[1] != '\n')) {
    *bytes_read = 1;
    return "\n";
  }
  const char *q = p;
  for (;;) {
    q = memchr(q, '\r', (size_t)(end - q));
    if (!q) { q = end; break; }
    if (q + 1 < end && q[1] == '\n') { q++; continue; }
    break;  /* a bare '\r': the chunk ends before it */
  }
  *bytes_read = (uint32_t)(q - p);
  return p;
}

uint32_t pr_bom_length(const char *text, uint32_t len) {
  return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

TSTree *pr_parse(TSParser *parser, const TSTree *old, const char *text, uint32_t len, bool has_bare_cr) {
  uint32_t bom = pr_bom_length(text, len);
  if (bom) {
    TSRange range = {
      .start_point = {0, bom}, .end_point = {UINT32_MAX, UINT32_MAX},
      .start_byte = bom, .end_byte = UINT32_MAX};
    ts_parser_set_included_ranges(parser, &range, 1);
  }
  TSTree *tree;
  if (has_bare_cr) {
    pr_parse_input in = {text, len};
    TSInput input = {.payload = &in, .read = pr_parse__read, .encoding = TSInputEncodingUTF8};
    tree = ts_parser_parse(parser, old, input);
  } else {
    tree = ts_parser_parse_string(parser, old, text, len);
  }
  if (bom) ts_parser_set_included_ranges(parser, NULL, 0);
  return tree;
}
