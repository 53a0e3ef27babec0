/* walkdir.c - finding Python files; see walkdir.h. */
#define _DEFAULT_SOURCE
#include "walkdir.h"

#include <dirent.h>
#include <stdbool.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int pr_walkdir__add(pr_file_list *list, const char *path, const char *relative) {
  if (list->count == list->cap) {
    size_t cap = list->cap ? list->cap * 2 : 64;
    pr_file_entry *p = realloc(list->items, cap * sizeof *p);
    if (!p) return -1;
    list->items = p;
    list->cap = cap;
  }
  char *a = strdup(path), *b = strdup(relative);
  if (!a || !b) { free(a); free(b); return -1; }
  list->items[list->count++] = (pr_file_entry){a, b};
  return 0;
}

static int pr_walkdir__cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool pr_walkdir__skipped(const char *name) {
  static const char *const skip[] = {"venv", ".venv", "node_modules", "__pycache__", "build", "dist", NULL};
  if (name[0] == '.') return true;
  for (int i = 0; skip[i]; i++)
    if (!strcmp(name, skip[i])) return true;
  return false;
}

/* Folders are walked with an explicit stack of pending paths (no recursion). */
int pr_collect_files(const char *root, pr_file_list *list, char *err, size_t cap) {
  struct stat st;
  if (stat(root, &st) != 0) {
    snprintf(err, cap, "%s: %s", root, strerror(errno));
    return -1;
  }
  if (!S_ISDIR(st.st_mode)) {
    /* a FIFO, socket or device named on the command line would block or never end */
    if (!S_ISREG(st.st_mode)) {
      snprintf(err, cap, "%s: not a regular file or folder; skipped", root);
      return -1;
    }
    const char *base = strrchr(root, '/');
    if (pr_walkdir__add(list, root, base ? base + 1 : root)) goto oom;
    return 0;
  }
  size_t root_len = strlen(root);
  while (root_len > 1 && root[root_len - 1] == '/') root_len--;
  char **stack = NULL;
  size_t depth = 0, stack_cap = 0;
  char *first = strndup(root, root_len);
  if (!first) goto oom;
  stack = malloc(sizeof *stack * 16);
  if (!stack) { free(first); goto oom; }
  stack_cap = 16;
  stack[depth++] = first;
  int rc = 0;
  while (depth && rc == 0) {
    char *dir = stack[--depth];
    DIR *d = opendir(dir);
    if (!d) {
      snprintf(err, cap, "%s: %s", dir, strerror(errno));
      free(dir);
      rc = -1;
      break;
    }
    char **names = NULL;
    size_t n = 0, ncap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      if (n == ncap) {
        ncap = ncap ? ncap * 2 : 32;
        char **p = realloc(names, ncap * sizeof *p);
        if (!p) { rc = -2; break; }
        names = p;
      }
      if (!(names[n] = strdup(e->d_name))) { rc = -2; break; }
      n++;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, pr_walkdir__cmp);
    /* push sub-folders in reverse so they pop in name order, after this folder's files */
    size_t mark = depth;
    for (size_t i = 0; i < n && rc == 0; i++) {
      size_t plen = strlen(dir) + 1 + strlen(names[i]) + 1;
      char *path = malloc(plen);
      if (!path) { rc = -2; break; }
      snprintf(path, plen, "%s/%s", dir, names[i]);
      struct stat es;
      if (lstat(path, &es) != 0) { free(path); continue; }
      if (S_ISDIR(es.st_mode)) {
        if (pr_walkdir__skipped(names[i])) { free(path); continue; }
        if (depth == stack_cap) {
          char **p = realloc(stack, 2 * stack_cap * sizeof *p);
          if (!p) { free(path); rc = -2; break; }
          stack = p;
          stack_cap *= 2;
        }
        stack[depth++] = path;
        continue;
      }
      size_t nl = strlen(names[i]);
      bool regular = S_ISREG(es.st_mode) || (S_ISLNK(es.st_mode) && stat(path, &es) == 0 && S_ISREG(es.st_mode));
      if (regular && nl > 3 && !strcmp(names[i] + nl - 3, ".py")) {
        if (pr_walkdir__add(list, path, path + root_len + 1)) rc = -2;
      }
      free(path);
    }
    for (size_t a = mark, b = depth; a + 1 < b; a++, b--) {
      char *t = stack[a]; stack[a] = stack[b - 1]; stack[b - 1] = t;
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    free(dir);
  }
  while (depth) free(stack[--depth]);
  free(stack);
  if (rc == -2) goto oom;
  return rc;
oom:
  snprintf(err, cap, "%s: out of memory", root);
  return -1;
}

void pr_file_list_free(pr_file_list *list) {
  for (size_t i = 0; i < list->count; i++) {
    free(list->items[i].path);
    free(list->items[i].relative);
  }
  free(list->items);
  memset(list, 0, sizeof *list);
}
