/* reparse.c - times tree-sitter alone on one file: a full parse, and the
 * incremental re-parse after the edits of the keystroke benchmarks (a letter
 * inside an identifier, '(' inside an identifier, a newline inside an
 * identifier, "# " at column 0 of a line). It uses only tree-sitter's API and
 * the grammar, so it can be linked with any runtime to compare them:
 *
 *   build/pr_reparse FILE [-n RUNS]                       (the vendored runtime)
 *   cc -O2 -I node_modules/tree-sitter/vendor/tree-sitter/lib/include bench/reparse.c \
 *      build/libpr_grammar.a -ltree-sitter -o /tmp/reparse-debian   (Debian's, if installed)
 *
 * Prints one line per measure: name, median milliseconds over RUNS. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_python(void);

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static TSPoint point_at(const char *text, uint32_t byte) {
  TSPoint p = {0, 0};
  for (uint32_t i = 0; i < byte; i++) {
    if (text[i] == '\n') { p.row++; p.column = 0; }
    else p.column++;
  }
  return p;
}

/* Inserts `ins` at byte `at` of *text (reallocated), edits `tree` and re-parses;
 * returns the milliseconds of the re-parse and replaces *tree. */
static double insert_and_reparse(TSParser *parser, TSTree **tree, char **text, uint32_t *len, uint32_t at,
                                 const char *ins) {
  uint32_t n = (uint32_t)strlen(ins);
  char *t = malloc(*len + n + 1);
  memcpy(t, *text, at);
  memcpy(t + at, ins, n);
  memcpy(t + at + n, *text + at, *len - at + 1);
  TSInputEdit e = {at, at, at + n, point_at(t, at), point_at(t, at), point_at(t, at + n)};
  ts_tree_edit(*tree, &e);
  double t0 = now_ms();
  TSTree *next = ts_parser_parse_string(parser, *tree, t, *len + n);
  double ms = now_ms() - t0;
  ts_tree_delete(*tree);
  *tree = next;
  free(*text);
  *text = t;
  *len += n;
  return ms;
}

static double delete_and_reparse(TSParser *parser, TSTree **tree, char **text, uint32_t *len, uint32_t at,
                                 uint32_t n) {
  TSInputEdit e = {at, at + n, at, point_at(*text, at), point_at(*text, at + n), point_at(*text, at)};
  memmove(*text + at, *text + at + n, *len - at - n + 1);
  *len -= n;
  ts_tree_edit(*tree, &e);
  double t0 = now_ms();
  TSTree *next = ts_parser_parse_string(parser, *tree, *text, *len);
  double ms = now_ms() - t0;
  ts_tree_delete(*tree);
  *tree = next;
  return ms;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: pr_reparse FILE [-n RUNS]\n"); return 2; }
  int runs = argc >= 4 && !strcmp(argv[2], "-n") ? atoi(argv[3]) : 15;
  if (runs < 1 || runs > 1000) runs = 15;
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 2; }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)size + 1);
  uint32_t len = (uint32_t)fread(text, 1, (size_t)size, f);
  text[len] = 0;
  fclose(f);
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_python());
  double *ms = calloc((size_t)runs, sizeof *ms);

  for (int r = 0; r < runs; r++) {
    double t0 = now_ms();
    TSTree *t = ts_parser_parse_string(parser, NULL, text, len);
    ms[r] = now_ms() - t0;
    ts_tree_delete(t);
  }
  qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
  printf("full parse            %8.2f ms\n", ms[runs / 2]);

  /* the edit sites: an identifier near the middle, and the start of that line */
  uint32_t mid = len / 2;
  while (mid < len && !(text[mid] >= 'a' && text[mid] <= 'z' && text[mid + 1] >= 'a' && text[mid + 1] <= 'z')) mid++;
  uint32_t line = mid;
  while (line > 0 && text[line - 1] != '\n') line--;
  TSTree *tree = ts_parser_parse_string(parser, NULL, text, len);
  static const struct { const char *name, *ins; int at_line_start; } edits[] = {
    {"'x' in an identifier", "x", 0}, {"'(' in an identifier", "(", 0},
    {"newline in identifier", "\n", 0}, {"'# ' at column 0", "# ", 1}};
  for (size_t k = 0; k < sizeof edits / sizeof edits[0]; k++) {
    uint32_t at = edits[k].at_line_start ? line : mid + 1;
    for (int r = 0; r < runs; r++) {
      ms[r] = insert_and_reparse(parser, &tree, &text, &len, at, edits[k].ins);
      delete_and_reparse(parser, &tree, &text, &len, at, (uint32_t)strlen(edits[k].ins));
    }
    qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
    printf("%-21s %8.2f ms\n", edits[k].name, ms[runs / 2]);
  }
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  free(ms);
  free(text);
  return 0;
}
