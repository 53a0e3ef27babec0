/* parse.c - text to syntax tree; see parse.h. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t pr_parse__now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

/* tree-sitter asks now and then whether to go on: not past the deadline. */
static bool pr_parse__give_up(TSParseState *state) {
  return pr_parse__now_ms() > *(const uint64_t *)state->payload;
}

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

/* The whole text as one chunk (no bare '\r' to show as '\n'). */
static const char *pr_parse__read_all(void *payload, uint32_t byte, TSPoint point, uint32_t *bytes_read) {
  const pr_parse_input *in = payload;
  if (byte >= in->len) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = in->len - byte;
  return in->text + byte;
}

uint32_t pr_parse_time_limit_ms(void) {
  const char *v = getenv("PYREVIEW_PARSE_LIMIT_MS");
  long ms = v && *v ? strtol(v, NULL, 10) : 0;
  return ms > 0 && ms < 3600000 ? (uint32_t)ms : PR_PARSE_TIME_LIMIT_MS;
}

uint32_t pr_indent_beyond_scanner(const TSTree *tree, const char *text, uint32_t len, const pr_line_index *lines) {
  if (!ts_node_has_error(ts_tree_root_node(tree))) return UINT32_MAX;
  for (uint32_t row = 0; row < lines->count; row++) {
    uint32_t columns = 0;
    for (uint32_t i = lines->starts[row]; i < len; i++) {
      char c = text[i];
      if (c == ' ') columns++;
      else if (c == '\t') columns += 8;
      else if (c == '\f') columns = 0;
      else {
        if (columns > PR_SCANNER_MAX_INDENT && c != '#' && c != '\n' && c != '\r') return row;
        break;
      }
    }
  }
  return UINT32_MAX;
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
  /* both paths through one call: the direct one reads the whole text at once */
  pr_parse_input in = {text, len};
  TSInput input = {.payload = &in, .read = pr_parse__read, .encoding = TSInputEncodingUTF8};
  if (!has_bare_cr) input.read = pr_parse__read_all;
  uint64_t deadline = pr_parse__now_ms() + pr_parse_time_limit_ms();
  TSParseOptions options = {.payload = &deadline, .progress_callback = pr_parse__give_up};
  TSTree *tree = ts_parser_parse_with_options(parser, old, input, options);
  /* given up: the parser would resume this parse on its next call */
  if (!tree) ts_parser_reset(parser);
  if (bom) ts_parser_set_included_ranges(parser, NULL, 0);
  return tree;
}
