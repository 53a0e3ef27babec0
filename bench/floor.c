/* floor.c - the floor pyreview is measured against: what any tree-sitter
 * reviewer must do at least.
 *
 *   pr_floor walk DIR [-r REPS] [--arena]
 *                                 find the same files `pyreview check DIR` finds,
 *                                 then read, parse and walk every node with a
 *                                 cursor (symbol per node), single thread; prints
 *                                 the median wall time of REPS passes. With
 *                                 --arena, tree-sitter's memory for each file comes
 *                                 from the per-file arena `pyreview check` uses
 *                                 (tsarena.h), a parser per file as there: the
 *                                 floor of a reviewer that takes the same care
 *   pr_floor parse FILE [-n N]    median full-parse time of one file
 *
 * Output is one line of `key=value` pairs for bench/run.py. */
#define _GNU_SOURCE
#include "syntax.h"
#include "tsarena.h"
#include "walkdir.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double pr_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *pr_slurp(const char *path, uint32_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  rewind(f);
  char *s = malloc((size_t)n + 1);
  if (s && fread(s, 1, (size_t)n, f) != (size_t)n) { free(s); s = NULL; }
  fclose(f);
  if (s) { s[n] = 0; *len = (uint32_t)n; }
  return s;
}

static int pr_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static int pr_floor_walk(const char *dir, int reps, bool arena) {
  pr_file_list files = {0};
  char err[256];
  if (pr_collect_files(dir, &files, err, sizeof err)) { fprintf(stderr, "%s\n", err); return 2; }
  if (arena) pr_ts_arena_install();
  TSParser *parser = arena ? NULL : pr_parser_new();
  double times[64];
  uint64_t nodes = 0, bytes = 0;
  for (int r = 0; r < reps; r++) {
    double t0 = pr_now();
    nodes = bytes = 0;
    for (size_t i = 0; i < files.count; i++) {
      uint32_t len;
      char *src = pr_slurp(files.items[i].path, &len);
      if (!src) continue;
      bytes += len;
      if (arena) {
        pr_ts_scope_begin();
        parser = pr_parser_new();
      }
      TSTree *tree = ts_parser_parse_string(parser, NULL, src, len);
      TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
      uint64_t acc = 0;
      for (;;) {
        acc += ts_node_symbol(ts_tree_cursor_current_node(&c));
        nodes++;
        if (ts_tree_cursor_goto_first_child(&c)) continue;
        while (!ts_tree_cursor_goto_next_sibling(&c))
          if (!ts_tree_cursor_goto_parent(&c)) goto done;
      }
    done:
      if (acc == 1) fputs("", stderr);  /* keep the walk from being optimised away */
      ts_tree_cursor_delete(&c);
      if (!arena || !pr_ts_scope_holds_everything()) ts_tree_delete(tree);
      free(src);
      if (arena) {
        ts_parser_delete(parser);
        parser = NULL;
        pr_ts_scope_end();
      }
    }
    times[r] = pr_now() - t0;
  }
  qsort(times, (size_t)reps, sizeof *times, pr_cmp);
  printf("files=%zu bytes=%llu nodes=%llu walk_s_median=%.4f walk_s_min=%.4f\n", files.count,
         (unsigned long long)bytes, (unsigned long long)nodes, times[reps / 2], times[0]);
  if (parser) ts_parser_delete(parser);
  pr_ts_arena_release();
  pr_file_list_free(&files);
  return 0;
}

static int pr_floor_parse(const char *path, int n) {
  uint32_t len;
  char *src = pr_slurp(path, &len);
  if (!src) { perror(path); return 2; }
  TSParser *parser = pr_parser_new();
  double *t = malloc(sizeof *t * (size_t)n);
  uint32_t lines = 0;
  for (uint32_t i = 0; i < len; i++) lines += src[i] == '\n';
  for (int i = 0; i < n; i++) {
    double t0 = pr_now();
    TSTree *tree = ts_parser_parse_string(parser, NULL, src, len);
    t[i] = pr_now() - t0;
    ts_tree_delete(tree);
  }
  qsort(t, (size_t)n, sizeof *t, pr_cmp);
  printf("bytes=%u lines=%u parse_ms_median=%.3f parse_ms_min=%.3f\n", len, lines, t[n / 2] * 1e3, t[0] * 1e3);
  free(t);
  free(src);
  ts_parser_delete(parser);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: pr_floor walk DIR [-r REPS] [--arena] | pr_floor parse FILE [-n N]\n");
    return 2;
  }
  int count = 0;
  bool arena = false;
  for (int i = 3; i < argc; i++) {
    if ((!strcmp(argv[i], "-r") || !strcmp(argv[i], "-n")) && i + 1 < argc) count = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--arena")) arena = true;
  }
  if (!strcmp(argv[1], "walk")) return pr_floor_walk(argv[2], count > 0 && count <= 64 ? count : 1, arena);
  if (!strcmp(argv[1], "parse")) return pr_floor_parse(argv[2], count > 0 ? count : 15);
  fprintf(stderr, "unknown mode %s\n", argv[1]);
  return 2;
}
